"""The extractive summarizer: score sentences, select under a budget, compress, cite."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from crosswire import align  # module import: crosswire.align itself imports summarize.text
from crosswire.contracts import ContractError, check_insertions
from crosswire.embed import Embedder, TfidfEmbedder, default_embedder
from crosswire.model import Brief, BriefSentence, Sentence, SourceSpan, Story, count_words
from crosswire.summarize.arrange import (
    article_developments,
    best_headline,
    choose_opener,
    lead_headline,
    paragraphs,
    same_fact,
)
from crosswire.summarize.captions import caption_rows
from crosswire.summarize.compress import Compressor
from crosswire.summarize.concepts import (
    ConceptWeigher,
    Coverage,
    concept_model_path,
    coverage,
    seen_concepts,
    story_concepts,
)
from crosswire.summarize.features import SentenceTable, build_table, candidate_sentences
from crosswire.summarize.mentions import (
    FullNames,
    introduce_names,
    introduces,
    people_surnames,
    unintroduced_descriptions,
)
from crosswire.summarize.names import name_coverage
from crosswire.summarize.newswire import NEWSWIRE_MAX_WORDS, NewswireSettings, model_for_budget
from crosswire.summarize.not_news import continues_a_quote, not_brief_material, speaks_for_the_site
from crosswire.summarize.novelty import UpdateSettings, discounted, novel_coverage
from crosswire.summarize.references import ReferenceResolver, Rewrite, leans_on_previous, quoted_words
from crosswire.summarize.restate import RESTATE_COSINE, RESTATE_NEW_SHARE, Restatements
from crosswire.summarize.roles import RoleFinder, introduce_roles
from crosswire.summarize.same_count import same_count_pairs
from crosswire.summarize.scorers import QueryScorer, SupervisedScorer, rank_normalise
from crosswire.summarize.selector import ReaderRules, Selector
from crosswire.summarize.supersede import overtaking
from crosswire.summarize.text import content_stems


@dataclass(frozen=True)
class _Candidates:
    """A brief's candidates, fixed across its selection attempts.

    ``texts`` as compressed, ``rewrites`` with unnamed referents resolved (``printed``: their texts),
    and the story's full names, people's surnames and roles that introduce the people they name.
    """

    texts: list[str]
    rewrites: list[Rewrite]
    printed: list[str]
    full_names: FullNames
    people: frozenset[str]
    roles: RoleFinder | None


class Summarizer:
    """Extractive, cited briefs of a story.

    ``query`` mixes a query-relevance score into the trained score with weight
    ``query_weight``; ``query_centrality`` of that relevance is query-biased
    centrality (similarity to the relevant sentences, weighted by their
    relevance: a sentence the relevant ones agree on); ``since`` in
    ``summarize`` leaves out what the reader has already seen, and its
    bigrams earn no coverage. ``concept_weight`` is the selector's weight
    on newly covered bigrams (``concepts.py``); with a query it shrinks
    with the trained score's share, as does ``name_weight``, the weight on
    newly named widely reported names (``names.py``). A speaker is quoted
    directly in at most ``max_quotes_per_speaker`` of their at most
    ``max_per_speaker`` sentences. Settings are
    plain keywords so a Summarizer pickles (the embedding model is per
    process, never pickled).
    """

    def __init__(
        self,
        *,
        words: int = 250,
        query: str | None = None,
        embedder: Embedder | None = None,
        query_weight: float = 0.8,
        query_centrality: float = 0.3,
        redundancy: float = 0.7,
        duplicate_cosine: float = 0.8,
        concept_weight: float = 0.2,
        cross_budget: bool = False,
        compressor: Compressor | None = None,
        update: UpdateSettings | None = None,
        model_path: str | None = None,
        query_embedder: Embedder | None = None,
        max_per_speaker: int = 3,
        quote_share: float = 0.6,
        open_on_lead: bool = True,
        context_bound: bool = True,
        by_development: bool = True,
        writer_voice: bool = True,
        same_fact_share: float = 0.8,
        name_weight: float = 0.05,
        max_quotes_per_speaker: int | None = 2,
        ilp_score_weight: float | None = None,
        newswire: NewswireSettings | None = NewswireSettings(),  # noqa: B008 (frozen)
        reference_repairs: int = 2,
        lead_same_fact: float | None = 0.5,
        supersede: bool = True,
        restate_cosine: float | None = RESTATE_COSINE,
        restate_new_share: float = RESTATE_NEW_SHARE,
        restate_pooled: bool = True,
        captions: bool = True,
        site_voice: bool = True,
        roles: bool = True,
        same_count: bool = True,
    ) -> None:
        self.same_count = same_count  # one count of one thing about the same people, told twice, is one fact
        self.roles = roles  # a person's role, bracketed at their first mention (``roles.py``)
        # A candidate this close to a chosen one, adding no number or name and at most this share of
        # new content stems, restates it (``restate.py``); None: off.
        self.restate_cosine = restate_cosine
        self.restate_new_share = restate_new_share
        self.restate_pooled = restate_pooled  # a number or name is new only if no chosen sentence has it
        self.supersede = supersede  # a "not yet" status is not taken after a sentence reporting it done
        self.lead_same_fact = lead_same_fact  # two outlets' leads sharing this much say the news once
        self.reference_repairs = reference_repairs  # reselects when a printed "the report" has no referent
        self.max_quotes_per_speaker = max_quotes_per_speaker  # of a speaker's sentences, direct quotes
        self.same_fact_share = same_fact_share  # a candidate this much contained in a chosen one restates it
        self.open_on_lead = open_on_lead  # the brief opens on the main news, an article's lead
        self.context_bound = context_bound  # an unresolved "He ..." only right after its previous sentence
        self.by_development = by_development  # one paragraph per development, covered while the budget allows
        self.writer_voice = writer_voice  # never print a writer's own voice or a quote cut off
        self.captions = captions  # never print a photo caption left in the text (``captions.py``)
        self.site_voice = site_voice  # never print the site's own unattributed "we" (``speaks_for_the_site``)
        self.max_per_speaker = max_per_speaker  # sentences quoting one speaker
        self.quote_share = quote_share  # of the budget in direct quotes, or the sources' share when higher
        self.words = words
        self.query = query.strip() if query and query.strip() else None
        self.embedder = embedder
        self.query_weight = query_weight
        self.query_centrality = query_centrality
        # Briefs of newswire size select by their own settings (newswire.py); longer briefs never do.
        short = newswire if newswire is not None and words <= NEWSWIRE_MAX_WORDS else None
        self.selector = self._selector(
            words=words,
            redundancy=redundancy,
            duplicate_cosine=duplicate_cosine,
            cross_budget=cross_budget,
            concept_weight=concept_weight,
            name_weight=name_weight,
            ilp_score_weight=ilp_score_weight,
            short=short,
        )
        self.compressor = compressor or Compressor()
        self.update = update or (short.update if short is not None else UpdateSettings())
        self.scorer = SupervisedScorer(model_for_budget(words, model_path))  # newswire model at <= 150 words
        self.concept_weigher = ConceptWeigher(concept_model_path(self.scorer.model_path))
        self.query_embedder = query_embedder

    def _selector(
        self,
        *,
        words: int,
        redundancy: float,
        duplicate_cosine: float,
        cross_budget: bool,
        concept_weight: float,
        name_weight: float,
        ilp_score_weight: float | None,
        short: NewswireSettings | None,
    ) -> Selector:
        """The selector: ``short`` (newswire-size settings) gives the program's score weight when none
        is given, and with a query the concept and name gains take the trained score's share."""
        if short is not None and ilp_score_weight is None:
            ilp_score_weight = short.concept_program if self.query is None else short.query_program
        if self.query:  # concept weights rate general importance, as the trained score does
            concept_weight = _query_concept_weight(concept_weight, self.query_weight, short)
            name_weight = name_weight * (1 - self.query_weight)
        return Selector(
            words=words,
            redundancy=redundancy,
            duplicate_cosine=duplicate_cosine,
            cross_budget=cross_budget,
            concept_weight=concept_weight,
            name_weight=name_weight,
            ilp_score_weight=ilp_score_weight,
        )

    def _embedder(self) -> Embedder:
        # Hashed TF-IDF vectors scored as well as all-MiniLM-L6-v2 in
        # cross-validation and are several times faster; the model is trained
        # on them, so they are the default (see BENCHMARKS.md).
        if self.embedder is None:
            self.embedder = TfidfEmbedder()
        return self.embedder

    def summarize(self, story: Story, since: Story | None = None) -> Brief:
        if not story.sentences:
            return Brief(
                story=story, sentences=(), warnings=(f"story {story.id} has no sentences to summarize",)
            )
        table = build_table(story, self._embedder())
        scores = self.score(table)
        excluded = np.zeros(table.size, dtype=bool)
        seen: tuple[str, ...] = ()
        if since is not None and since.sentences:
            scores, excluded = self._discount_seen(table, scores, since)
            seen = tuple(s.text for s in candidate_sentences(since))
        return self.brief_of(table, scores, excluded, seen)

    def brief_of(
        self,
        table: SentenceTable,
        scores: np.ndarray,
        excluded: np.ndarray | None = None,
        seen: tuple[str, ...] = (),
    ) -> Brief:
        """Select, compress and cite, given one score per candidate of ``table``.

        Concepts of the ``seen`` texts (what the reader already has) earn no coverage.
        """
        candidates = self._candidates(table)
        texts, rewrites, printed = candidates.texts, candidates.rewrites, candidates.printed
        lengths = [count_words(t) for t in printed]
        not_news = self._not_news(table, texts)
        if (not_news if excluded is None else excluded | not_news).all():
            not_news[:] = False  # a brief of what there is, rather than none
        excluded = not_news if excluded is None else excluded | not_news
        developments = article_developments(table.story) if self.by_development else {}
        selector = self._update_selector() if seen else self.selector
        coverage = self._coverage(table, printed, seen, selector)
        names = name_coverage(table, printed, seen) if selector.name_weight > 0 else None
        introductions: dict[int, int] = {}  # row -> the row that introduces what it refers to
        seen_text = " ".join(seen)  # an update's reader has the earlier documents: they introduce too
        restatements = (  # the candidates' texts do not change between attempts
            Restatements.of(printed, table.similarity, self.restate_cosine, self.restate_new_share)
            if self.restate_cosine is not None
            else None
        )
        same = self._same_fact(table, printed, restatements)
        pooled = restatements if self.restate_pooled else None
        for attempt in range(self.reference_repairs + 1):
            rules = replace(
                self._reader_rules(
                    table, scores, printed, rewrites, ~excluded, developments, same, introductions
                ),
                restatements=pooled,
            )
            chosen = selector.select(
                scores,
                lengths,
                table.similarity,
                excluded=excluded,
                coverage=coverage,
                rules=rules,
                names=names,
            )
            leaning = frozenset(row for row in chosen if leans_on_previous(texts[row]))
            placed = paragraphs(table, chosen, rules.opener, developments, leaning)
            rows = [row for row, _ in placed]
            shown = _introduced(table, rows, candidates)
            unresolved = [
                row
                for k, row in enumerate(rows)
                if unintroduced_descriptions(shown[k], f"{seen_text} {' '.join(shown[:k])}")
            ]
            if not unresolved or attempt == self.reference_repairs:
                break
            excluded = excluded.copy()
            for row in unresolved:  # bring what introduces it along, or take the next candidate instead
                intro = self._introducing_row(table, row, shown[rows.index(row)], rules, excluded)
                if intro is None or row in introductions:
                    excluded[row] = True
                else:
                    introductions[row] = intro
        sentences = self._brief_sentences(table, rows, shown, [number for _, number in placed])
        main = [table.sentences[row].article_id for row in rows[:1]]
        story = replace(table.story, headline=self._headline(table.story, shown, main, developments))
        return Brief(
            story=story,
            sentences=sentences,
            # Which brief sentence was picked first, second, ...: the evaluation's budget rule needs it.
            meta={"pick_order": [rows.index(row) for row in chosen]},
        )

    def _candidates(self, table: SentenceTable) -> _Candidates:
        """``table``'s candidates as compressed and as printed, and the story's names, read once."""
        texts = [self._compressed(s.text) for s in table.sentences]
        story_texts = [s.text for s in table.story.sentences]  # read once, not once per attempt
        full_names, people = FullNames(story_texts), people_surnames(story_texts)
        roles = RoleFinder(a.text for a in table.story.articles) if self.roles else None
        resolver = ReferenceResolver(table.story, full_names)
        rewrites = [
            _checked(resolver.rewrite(s, t), t, s, table.story)
            for s, t in zip(table.sentences, texts, strict=True)
        ]
        return _Candidates(texts, rewrites, [r.text for r in rewrites], full_names, people, roles)

    def _not_news(self, table: SentenceTable, texts: list[str]) -> np.ndarray:
        """Candidates never printed: a writer's or the site's voice, a quote cut off, furniture."""
        if not self.writer_voice:
            return np.zeros(len(texts), dtype=bool)
        quoted = continues_a_quote(table.story.sentences) if self.site_voice else set()
        captions = caption_rows(table.story.sentences) if self.captions else set()
        return np.array(
            [
                not_brief_material(text)
                or (s.article_id, s.index) in captions
                or (self.site_voice and speaks_for_the_site(text) and (s.article_id, s.index) not in quoted)
                for s, text in zip(table.sentences, texts, strict=True)
            ],
            dtype=bool,
        )

    def _reader_rules(
        self,
        table: SentenceTable,
        scores: np.ndarray,
        printed: list[str],
        rewrites: list[Rewrite],
        available: np.ndarray,
        developments: dict[str, int],
        same: np.ndarray | None,
        introductions: dict[int, int] | None = None,
    ) -> ReaderRules:
        place = {(s.article_id, s.index): row for row, s in enumerate(table.sentences)}
        requires = [
            place.get((s.article_id, s.index - 1), -2)
            if self.context_bound and leans_on_previous(text)
            else -1
            for s, text in zip(table.sentences, printed, strict=True)
        ]
        for row, intro in (introductions or {}).items():
            requires[row] = intro
        quoted = [quoted_words(text) for text in printed]
        total = max(sum(count_words(t) for t in printed), 1)
        share = max(self.quote_share, sum(quoted) / total)
        return ReaderRules(
            opener=choose_opener(
                table, scores, printed, available & (np.asarray(requires) == -1), developments
            )
            if self.open_on_lead and self.query is None  # with a query, the answer is the news
            else None,
            requires=requires,
            groups=[developments.get(s.article_id, 0) for s in table.sentences],
            speakers=[(r.speaker or "").split()[-1].lower() if r.speaker else "" for r in rewrites],
            max_per_speaker=self.max_per_speaker,
            max_quotes_per_speaker=self.max_quotes_per_speaker,
            quote_words=quoted,
            max_quote_words=int(share * self.words),
            same_fact=same,
        )

    def _same_fact(
        self, table: SentenceTable, printed: list[str], restatements: Restatements | None
    ) -> np.ndarray | None:
        """Which chosen candidate keeps which out: one fact told twice, a status its report overtakes."""
        found = (
            same_fact(table, self.same_fact_share, self.lead_same_fact) if self.same_fact_share < 1 else None
        )
        if restatements is not None:
            meaning = restatements.pairs()
            found = meaning if found is None else found | meaning
        if self.same_count:
            known = restatements.contents if restatements is not None else None  # content_of, read once
            counts = same_count_pairs(printed, contents=known)
            found = counts if found is None else found | counts
        return overtaking(table, printed, found) if self.supersede else found

    def _introducing_row(
        self, table: SentenceTable, row: int, text: str, rules: ReaderRules, excluded: np.ndarray
    ) -> int | None:
        """The nearest earlier candidate of ``row``'s article that introduces what ``text`` refers to.

        None when there is none, or when ``row`` already leans on its previous sentence.
        """
        requires = rules.requires
        if requires is not None and requires[row] != -1:
            return None
        heads = unintroduced_descriptions(text, "")
        sentence = table.sentences[row]
        for other in range(row - 1, -1, -1):
            before = table.sentences[other]
            if before.article_id != sentence.article_id or before.index >= sentence.index:
                continue
            if all(introduces(head, before.text) for head in heads):
                readable = requires is None or requires[other] == -1
                return other if readable and not excluded[other] else None
        return None

    def _headline(self, story: Story, shown: list[str], main: list[str], developments: dict[str, int]) -> str:
        """The title closest to the brief among the articles of the opener's development."""
        wanted = {developments.get(a, 0) for a in main}
        titles = [a.title or "" if developments.get(a.id, 0) in wanted else "" for a in story.articles]
        if not shown:
            return story.headline
        if not any(a.title for a in story.articles):  # untitled texts: the opening's first line is no title
            return lead_headline(shown[0]) or story.headline
        vectors = self._embedder().encode([" ".join(shown), *titles])
        return best_headline(story, vectors[0], vectors[1:])

    def _update_selector(self) -> Selector:
        """The selector of an update brief: its concept gain weighs ``update.concept_weight`` when set."""
        weight = self.update.concept_weight
        return self.selector if weight is None else replace(self.selector, concept_weight=weight)

    def _coverage(
        self, table: SentenceTable, printed: list[str], seen: tuple[str, ...], selector: Selector
    ) -> Coverage | None:
        """The concept coverage ``selector`` weighs (None when it gives concepts no weight)."""
        if selector.concept_weight <= 0 or table.size == 0:
            return None
        concepts = story_concepts(table)
        weights = self.concept_weigher.weights(concepts)
        if weights is None:
            return None
        found = coverage(concepts, weights, printed)
        return novel_coverage(found, seen_concepts(concepts, seen), self.update.seen_concept_share)

    def score(self, table: SentenceTable) -> np.ndarray:
        """One score per candidate in [0, 1]: the trained score, mixed with query relevance."""
        base = self.scorer.columns(table)[:, 0]
        scores = base / max(float(base.max()), 1e-9) if base.size and base.max() > 0 else rank_normalise(base)
        if self.query is not None and table.size:
            relevance = self._query_scorer().relevance(table)
            if self.query_centrality > 0:
                central = table.similarity @ relevance / max(float(relevance.sum()), 1e-9)
                central = central / max(float(central.max()), 1e-9)
                relevance = (1 - self.query_centrality) * relevance + self.query_centrality * central
            scores = (1 - self.query_weight) * scores + self.query_weight * relevance
        return np.asarray(scores, dtype=np.float32)

    def _query_scorer(self) -> QueryScorer:
        # A question and its answers rarely share words: semantic vectors when
        # the neural model is installed (query mode only; it costs an encoding).
        if self.query_embedder is None:
            self.query_embedder = default_embedder()
        reencode = self.query_embedder is not self._embedder()
        assert self.query is not None
        return QueryScorer(self.query, self.query_embedder, reencode=reencode)

    def _compressed(self, text: str) -> str:
        shorter = self.compressor.compress(text)
        # Too few content words left to be recognisably the same sentence elsewhere.
        return shorter if len(content_stems(shorter)) >= align.MIN_CONTENT_WORDS else text.strip()

    def _discount_seen(
        self, table: SentenceTable, scores: np.ndarray, since: Story
    ) -> tuple[np.ndarray, np.ndarray]:
        seen = candidate_sentences(since)
        seen_vectors = np.asarray(self._embedder().encode([s.text for s in seen]), dtype=np.float32)
        closest = (table.vectors @ seen_vectors.T).max(axis=1) if len(seen) else np.zeros(table.size)
        return discounted(scores, closest, self.update)

    def _brief_sentences(
        self, table: SentenceTable, rows: list[int], texts: list[str], numbers: list[int]
    ) -> tuple[BriefSentence, ...]:
        """Cited brief sentences of the candidates ``rows`` (printed as ``texts``, in paragraphs ``numbers``)."""
        article_ids = [s.article_id for s in table.sentences]
        index = align.StoryIndex(table.story)
        brief: list[BriefSentence] = []
        for row, text, number in zip(rows, texts, numbers, strict=True):
            sentence = table.sentences[row]
            # Rewrites were checked in _checked; compression can still change a source's bracket
            # (a parenthetical cut inside "[...]"): then the source sentence is printed instead.
            if "[" in text and not _insertions_hold(text, sentence, table.story):
                text = sentence.text
            citations = index.cite(text)
            if sentence.article_id not in citations and "[" not in text:  # compression hid the match
                text = sentence.text
                citations = index.cite(text)
            if sentence.article_id not in citations:
                citations = (*citations, sentence.article_id)
            supported = align.supporting_articles(table.vectors[row], table.vectors, article_ids) | set(
                citations
            )
            brief.append(
                BriefSentence(
                    text=text,
                    citations=tuple(a.id for a in table.story.articles if a.id in citations),
                    source=SourceSpan(sentence.article_id, sentence.start, sentence.end),
                    support=tuple(a.id for a in table.story.articles if a.id in supported),
                    paragraph=number,
                )
            )
        return tuple(brief)


def _query_concept_weight(weight: float, query_weight: float, short: NewswireSettings | None) -> float:
    """The concept gain's weight with a query: the trained score's share, or the newswire setting's own."""
    return short.query_concept_weight if short is not None else weight * (1 - query_weight)


def _introduced(table: SentenceTable, rows: list[int], candidates: _Candidates) -> list[str]:
    """The printed texts of ``rows``, in order, with each person introduced at their first mention."""
    names, texts, printed = candidates.full_names, candidates.texts, candidates.printed
    plain = [_plain_if_follows(table, rows, k, texts, printed) for k in range(len(rows))]
    shown = introduce_names(plain, names, candidates.people)  # a surname alone: its full name first
    if candidates.roles is not None:  # who a person is: "[Police Chief Cathy L. Lanier]"
        shown = introduce_roles(shown, names.names(), candidates.roles)
    return shown


def _plain_if_follows(
    table: SentenceTable, rows: list[int], k: int, texts: list[str], printed: list[str]
) -> str:
    """The sentence without bracketed insertions when it follows its article's previous sentence."""
    row = rows[k]
    if k > 0:
        this, before = table.sentences[row], table.sentences[rows[k - 1]]
        if before.article_id == this.article_id and before.index == this.index - 1:
            return texts[row]
    return printed[row]


def _checked(rewrite: Rewrite, text: str, sentence: Sentence, story: Story) -> Rewrite:
    """The rewrite when its insertions meet the traceability contract, else the text unchanged."""
    if rewrite.text == text or _insertions_hold(rewrite.text, sentence, story):
        return rewrite
    return Rewrite(text=text, speaker=rewrite.speaker)


def _insertions_hold(text: str, sentence: Sentence, story: Story) -> bool:
    """Whether ``text``'s bracketed insertions meet the traceability contract for ``sentence``'s own span."""
    article = story.article(sentence.article_id).text
    try:  # the span as check_brief reads it: a slice of the article
        check_insertions(
            text, article[sentence.start : sentence.end], article, [a.text for a in story.articles]
        )
    except ContractError:
        return False
    return True
