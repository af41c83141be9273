"""Word lists and small parse helpers for claims and their counter-statements."""

from __future__ import annotations

import re
from typing import Any

DENIAL = frozenset({"deny"})
REJECTION = frozenset({"reject", "dismiss", "rebuff", "repudiate", "brush"})
# "question" and "challenge" are left out: "police questioned a guard", "challenge the result in court".
DISPUTE = frozenset({"dispute", "contest", "refute", "rebut", "contradict"})
# "called the claims a fantasy": naming an accusation is disputing it.
NAMING = frozenset({"call", "describe", "brand", "label", "term", "dub"})
ACCEPTANCE = frozenset({"accept", "acknowledge", "recognize", "recognise"})
BLAME = frozenset({"blame"})
ACCUSATION_VERBS = frozenset(
    {
        "accuse",
        "allege",
        "charge",
        "blame",
        "condemn",
        "criticize",
        "criticise",
        "denounce",
        "claim",
        "say",
        "report",
        "assert",
        "insist",
        "contend",
        "maintain",
        "argue",
        "suggest",
    }
)
ACCUSATION_NOUNS = frozenset(
    {
        "accusation",
        "allegation",
        "claim",
        "charge",
        "condemnation",
        "report",
        "finding",
        "assertion",
        "suggestion",
        "criticism",
    }
)
# Accusation verbs that need no reported content to make a claim ("X accused Y of ...").
STRONG_ACCUSATION = frozenset(
    {"accuse", "allege", "charge", "blame", "condemn", "denounce", "criticize", "criticise", "indict"}
)
DISPUTE_PHRASES = re.compile(
    r"\b(no (?:evidence|indication|proof|basis|trace|sign)|not true|untrue|baseless|unfounded|groundless|fabricat\w*|"
    r"fake\w*|false(?:hood)?s?|lies|nonsense|clich[ée]s)\b",
    re.IGNORECASE,
)
DENIAL_PHRASES = re.compile(
    r"\b(nothing to do with|no involvement|not involved|played no (?:part|role)|had no (?:part|role)|"
    r"maintain(?:ed|s|ing)? (?:his|her|their|its) innocence|(?:am|is|are|was|were|plead|pleaded|pleads) not guilty|"
    r"(?:did|done|do|does|doing) nothing (?:\w+ ){0,3}wrong|(?:not|n't) feel (?:\w+self )?guilty|"
    r"(?:was|wasn't|was not|is not|isn't) a scam)\b",
    re.IGNORECASE,
)
RESPONSIBILITY = re.compile(
    r"\b(?:claim(?:ed|s|ing)?|took|take|takes|taking|accept(?:ed|s)?|admit(?:ted|s)?|assume[sd]?)\s+"
    r"(?:full\s+|sole\s+)?responsibility\b"
    r"|\b(?:was|were|is|are)\s+(?:solely\s+)?responsible\b"
    r"|\bclaimed\s+by\b",
    re.IGNORECASE,
)
DENIED_RESPONSIBILITY = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects)\s+(?:any\s+)?responsibility\b", re.IGNORECASE
)
# "carried out by a Russian bomber": the culprit another party suggests.
CULPRIT = re.compile(
    r"\b(?:carried out|conducted|launched|fired|dropped|caused|committed|hit|struck|targeted|shelled|attacked|"
    r"bombed|planted|hacked|stolen)\s+by\s+",
    re.IGNORECASE,
)
# "carried out by" names a culprit only for an attack-like event ("tests carried out by the company" do not).
NEUTRAL_AGENT_VERBS = re.compile(
    r"\b(?:carried out|conducted|launched|caused|committed)\s+by\s+$", re.IGNORECASE
)
ATTACK_WORDS = frozenset(
    {
        "strike",
        "strikes",
        "attack",
        "attacks",
        "raid",
        "raids",
        "bombing",
        "shelling",
        "blast",
        "explosion",
        "killing",
        "killings",
        "shooting",
        "assault",
        "hack",
        "breach",
        "spill",
        "leak",
        "fire",
        "bomb",
        "bombs",
        "shell",
        "shells",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "operation",
        "airstrike",
        "airstrikes",
        "massacre",
        "sabotage",
        "theft",
        "robbery",
    }
)
# "rejected the request", "rejecting the appeals": turning down an ask answers no accusation.
REQUEST_NOUNS = frozenset(
    {
        "request",
        "appeal",
        "plea",
        "offer",
        "proposal",
        "bid",
        "application",
        "petition",
        "motion",
        "pardon",
        "clemency",
        "deal",
        "invitation",
        "plan",
        "idea",
        "resignation",
        "nomination",
        "amendment",
        "bill",
        "demand",
    }
)
# Who can be accused: besides names, the nouns for people and bodies ("the judges", "a former
# teacher"); a claim "against" a letter, the trials or people at large accuses nobody.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


PARTY_NOUNS = _word_set(
    """official officer police court judge jury prosecutor government company firm employer president
    minister teacher school hospital university department agency administration regime army military
    troops force rebel militant group party leader lawmaker senator congressman council board
    organization organisation station network magazine newspaper media union team club church bank
    campaign committee commission state city country owner landlord management staff employee worker
    family husband wife father mother son daughter man woman boy girl student player coach doctor nurse
    lawyer attorney suspect defendant driver pilot soldier guard manager executive chief director
    spokesman spokeswoman activist protester critic resident neighbor neighbour parent victim complex
    builder contractor developer operator authority authorities investigator analyst opponent rival
    predecessor administration organizer organiser official writer author producer filmmaker
    studio publisher plaintiff prosecution estate insurer regulator watchdog
    opposition terrorist insurgent thug extremist militia separatist dissident jihadist press enemy
    faction"""
)
# "X claims that Y ...": asserting something of another party is a claim whatever it says.
ASSERTING_VERBS = frozenset({"claim", "allege", "contend", "charge", "assert"})
# "X says that Y ...": a claim only when what Y is said to have done is a wrong.
REPORTING_VERBS = frozenset(
    {"say", "tell", "add", "write", "note", "argue", "insist", "suggest", "state", "maintain", "warn",
     "complain", "testify", "report", "indicate", "show", "find", "rule"}
)
# "Star magazine has reported that Kim consulted a lawyer": an outlet's report about a party is a claim.
MEDIA_NOUNS = frozenset(
    {"magazine", "newspaper", "tabloid", "paper", "outlet", "website", "site", "network", "channel",
     "station", "broadcaster", "publication", "daily", "weekly"}
)
WRONGDOING = _word_set(
    """wrong mistake error overstate exaggerate exceed violate violation breach ignore neglect fail failure
    mislead lie cheat steal fraud scam abuse harass harassment assault kill murder obsess obsessed lure
    hatred hate racist racism fault guilty illegal illegally unlawful negligent negligence misconduct corrupt
    corruption bribe discriminate discrimination retaliate threaten endanger deceive manipulate conspire
    cover-up problem rig falsify fabricate plagiarize defraud mistreat
    crime criminal atrocity massacre kidnap torture repression naive cynical irresponsible unethical
    sloppy incompetent reckless dishonest hypocritical deaf tone-deaf disgraceful shameful betray insult
    inept gullible odious despicable repugnant appalling ruthless oppressive deplorable callous hack mistaken"""
)
ANAPHORIC_OBJECTS = frozenset(
    {
        "claim",
        "accusation",
        "allegation",
        "charge",
        "report",
        "incident",
        "it",
        "them",
        "this",
        "that",
        "responsibility",
        "story",
        "account",
        "finding",
        "attack",
        "strike",
        "suggestion",
        "criticism",
    }
)


def counter_kind(lemma: str) -> str | None:
    if lemma in DENIAL:
        return "denial"
    if lemma in REJECTION:
        return "rejection"
    if lemma in DISPUTE:
        return "dispute"
    return None


def subtree_text(token: Any) -> str:
    tokens = list(token.subtree)
    return token.doc[tokens[0].i : tokens[-1].i + 1].text


def subtree_span(token: Any) -> tuple[int, int]:
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def negated(verb: Any) -> bool:
    # "won’t “condemn”": before a quotation mark the tagger may take "n’t" for punctuation, not "neg".
    return any(child.dep_ == "neg" or child.lower_ in ("n't", "n’t", "not") for child in verb.children)


def child_of(token: Any, *deps: str) -> Any | None:
    """The first child of ``token`` in one of the dependency relations ``deps``."""
    return next((c for c in token.children if c.dep_ in deps), None)


def according_to_object(token: Any) -> Any | None:
    """The object of "according to X" when ``token`` is its "according", else None."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.doc[token.i + 1].lower_ != "to":
        return None
    return child_of(token.doc[token.i + 1], "pobj")
