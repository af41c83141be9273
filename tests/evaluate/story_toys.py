"""Invented articles on three unrelated events, for the story-finding tests."""

from __future__ import annotations

QUAKE = [
    "An earthquake of magnitude 6.1 struck the hill town of Vessaro early on Monday, toppling the old bell tower.",
    "Rescue teams searched collapsed houses in Vessaro after Monday's earthquake; the bell tower fell in the quake.",
    "The Vessaro earthquake left two hundred families homeless, and aftershocks shook the hill town on Tuesday.",
    "Geologists said the Vessaro earthquake was shallow, which is why the town's bell tower and houses collapsed.",
]
BREACH = [
    "Hackers stole the records of four million customers from Pellwick Bank in a data breach, the bank said.",
    "Pellwick Bank customers were told to change passwords after the data breach exposed four million records.",
    "Regulators opened an inquiry into the Pellwick Bank data breach and the stolen customer records.",
    "The data breach at Pellwick Bank began with a phishing email, investigators said; customer records were copied.",
]
FINAL = [
    "Harrow Rovers won the cup final 3-1 against Duncliffe, scoring twice in extra time at the national stadium.",
    "Duncliffe's goalkeeper could not stop the Harrow Rovers striker as the cup final went to extra time.",
    "Fans of Harrow Rovers celebrated the cup final win over Duncliffe in the streets until dawn.",
    "The Harrow Rovers manager praised his striker after the 3-1 cup final victory over Duncliffe.",
]
EVENTS = {"quake": QUAKE, "breach": BREACH, "final": FINAL}


def interleaved() -> tuple[list[str], list[str]]:
    """Texts and gold labels, the three events interleaved as a feed would mix them."""
    texts, gold = [], []
    for index in range(4):
        for name, articles in EVENTS.items():
            texts.append(articles[index])
            gold.append(name)
    return texts, gold
