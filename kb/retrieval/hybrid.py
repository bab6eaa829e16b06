"""Hybrid retrieval: dense (Chroma) + BM25, reciprocal-rank fusion, intent boost, area quotas,
lists and sections found whole; a query is searched as its plan (`kb.retrieval.plan`) says."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

import numpy as np

from kb.backends.chunks import Filter, StoredChunk
from kb.backends.embedder import Embedder
from kb.backends.snapshot import Snapshot
from kb.backends.store import VectorStore
from kb.config import Settings
from kb.records import COMMITMENT_FACETS, FACET_KINDS, Hit
from kb.retrieval.areas import ALL_AREAS_MAX, AreaResolver
from kb.retrieval.documents import DocumentResolver
from kb.retrieval.families import held_relatives
from kb.retrieval.glossary import followed_by
from kb.retrieval.headings import HeadingMatcher, holds_items, in_section
from kb.retrieval.list_anchor import LIST_POOL, ListLocator
from kb.retrieval.lists import (
    LIST_CHUNKS,
    with_list_continuation,
)
from kb.retrieval.page import every_area_on_page
from kb.retrieval.parts import part_similarity, unit_similarities
from kb.retrieval.plan import QueryPlanner, SearchPlan
from kb.retrieval.siblings import SectionSiblings
from kb.retrieval.years import standing_line
from kb.text import ACRONYM_PLURAL, NUMBER_WORDS, ORDINAL_WORDS, content_terms
from kb.vocabulary import vocabulary

COMMITMENT_KINDS = frozenset().union(*(FACET_KINDS[f] for f in COMMITMENT_FACETS))
PERIOD_CHUNKS = 4  # a document's opening chunks searched for the line giving its period
NAMING_POOL = 20  # chunks that write a name the hits lack, read in document order …
NAMING_CHUNKS = 3  # … of which the most similar to the query are added to the hits
NAMING_READ = 200  # chunks holding a name's words read at most, to find those that write it
# the strategies' term for a question's everyday words, written in a chunk, ranks it higher
# when the term is specific: its words are together in at most this share of the chunks
SPECIFIC_PHRASE_SHARE = 0.1
NAMED_SECTION_CHUNKS = 200  # the most chunks read of the sections a question calls by number


class HybridRetriever:
    """Searches the stored chunks; built once per KnowledgeBase and refreshed after ingest."""

    def __init__(self, store: VectorStore, embedder: Callable[[], Embedder],
                 snapshot: Snapshot, sections: Sequence[str],
                 glossary: dict[str, set[str]], resolver: AreaResolver,
                 documents: DocumentResolver, idf: dict[str, float], settings: Settings) -> None:
        """Wire the retriever.

        Args:
            store: the dense index.
            embedder: returns the (lazily loaded) query embedder.
            snapshot: the chunk table and lexical index, chunks addressed by row
                (document and ordinal order).
            sections: the distinct section paths of the stored chunks.
            glossary: acronym -> long forms, for query expansion.
            resolver: finds areas named in questions.
            documents: finds documents named in questions.
            idf: term weights (headings are matched on their specific words).
            settings: depths, weights and boosts.
        """
        self._store = store
        self._embedder = embedder
        self._snapshot = snapshot
        self._sections = tuple(sections)
        self._resolver = resolver
        self._headings = HeadingMatcher(idf, sections)
        self._settings = settings
        self._planner = QueryPlanner(resolver, documents, self._headings, glossary, settings)
        self._lists = ListLocator(self._headings, idf, settings.top_k)
        self._siblings = SectionSiblings(self._headings, self._fetch, settings.sibling_hits)
        # A question's vector, kept for the answer that quotes its hits (no second run).
        self._query_vector = lru_cache(maxsize=64)(self._embed_query)
        # The rows of a set of areas, and a word's family in them, read once: a question's plan
        # and its refusal check both ask, and a comparison plans a search per area and facet.
        self._area_rows = lru_cache(maxsize=64)(self._rows_of_areas)
        self._relatives = lru_cache(maxsize=256)(self._relatives_in)

    def _embed_query(self, text: str) -> tuple[float, ...]:
        return tuple(self._embedder().embed_query(text))

    def plan(self, query: str, areas: Sequence[str] | None) -> SearchPlan:
        """The query's search plan (see `kb.retrieval.plan.QueryPlanner.plan`), with the
        words of their family that the documents searched write for the query's words they
        never write (`kb.retrieval.families`; `Settings.word_families`)."""
        plan = self._planner.plan(query, areas)
        if not self._settings.word_families:
            return plan
        held = self._held_in(plan.areas)
        related = {word: found for word in dict.fromkeys(re.findall(r"[A-Za-z]+", query))
                   if (terms := content_terms(word)) and not all(held(t) for t in terms)
                   and (found := self._relatives(word, plan.areas))}
        if not related:
            return plan
        words = [w for found in related.values() for w in found]
        return replace(plan, lexical_text=followed_by(plan.lexical_text, words),
                       relatives=tuple(words),
                       related_terms=frozenset(t for word in related for t in content_terms(word)))

    def _held_in(self, areas: tuple[str, ...] | None) -> Callable[[str], bool]:
        """Whether a document of the areas (any, where None) holds a term (a stem; the areas'
        rows are read when a term is first asked about)."""
        lexical = self._snapshot.lexical
        return lambda term: lexical.holds_term(term, self._area_rows(areas))

    def _rows_of_areas(self, areas: tuple[str, ...] | None) -> np.ndarray | None:
        return self._snapshot.allowed(Filter(areas=areas)) if areas else None

    def _relatives_in(self, word: str, areas: tuple[str, ...] | None) -> tuple[str, ...]:
        """The words of a word's family that the areas' documents write (`held_relatives`)."""
        return tuple(held_relatives(word, self._held_in(areas), self._word_similarities))

    def _word_similarities(self, word: str, others: Sequence[str]) -> list[float]:
        """A word's cosine similarity to each of some others (one embedding run)."""
        vectors = np.asarray(self._embedder().embed([word, *others]), dtype=np.float32)
        return [float(v) for v in vectors[1:] @ vectors[0]]

    def search(self, query: str, k: int, areas: Sequence[str] | None = None,
               doc_ids: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
               plan: SearchPlan | None = None) -> list[Hit]:
        """The k best hits for a query.

        Args:
            query: the officer's words.
            k: how many hits.
            areas: restrict to these areas (None: the areas the query names, else all).
            doc_ids: restrict to these documents.
            kinds: restrict to these chunk kinds.
            plan: the query's plan for these areas, when the caller has made it already.

        Returns:
            Hits, best first; interleaved by area when several areas are asked about.
        """
        if k <= 0:
            raise ValueError(f"k must be greater than 0. Currently, k is {k}")
        if not len(self._snapshot):
            return []
        plan = plan or self.plan(query, areas)
        if plan.item_asked and plan.kinds and not kinds:
            # "Which Essex outcome is about perpetrators?": one of its outcomes, not the
            # research under the outcome's heading (any passage, where it has none of them)
            of_kind = self.search(query, k, areas, doc_ids, sorted(plan.kinds), plan)
            if of_kind:
                return of_kind
        vector = list(self._query_vector(plan.text))
        boost: frozenset[object] = frozenset(plan.kinds)
        # a comparison is about what each area commits to, unless it asks how they describe or
        # count something
        if plan.per_area and not vocabulary().described.search(query):
            boost = boost | COMMITMENT_KINDS
        doc_filter = tuple(doc_ids) if doc_ids else None
        kind_filter = tuple(kinds) if kinds else None
        # each area searched for its share; "compare the councils…" over a large store: one
        # search, its hits shared out by area
        groups: list[tuple[str, ...] | None] = [plan.areas]
        if plan.per_area and not plan.searched_as_one:
            groups = [(area,) for area in plan.areas or self._resolver.keys]
        scores: dict[int, float] = {}
        similarity: dict[int, float] = {}
        chunks: dict[int, StoredChunk] = {}
        allowed: np.ndarray | None = None
        phrases = self._specific_phrases(plan)  # (the same for every area searched)
        for group in groups:
            where = Filter(areas=group, doc_ids=doc_filter, kinds=kind_filter)
            allowed = self._snapshot.allowed(where)
            group_scores, group_similarity = self._fused(plan, vector, where, allowed, boost,
                                                         chunks, phrases)
            scores.update(group_scores)
            similarity.update(group_similarity)
        ranked = sorted(scores, key=lambda i: (-scores[i], i))
        if plan.per_area:
            ranked = self._interleave(ranked, plan.areas, chunks,
                                      plan if plan.listing else None)
        elif boost and self._settings.sibling_hits:
            ranked = self._siblings.promote(ranked, boost, allowed, chunks, scores, similarity)
        if plan.whole_section and plan.section_names and not plan.per_area:
            ranked = self._led_by_named_section(plan, ranked, chunks, scores,
                                                Filter(areas=plan.areas, doc_ids=doc_filter))
        listing = not plan.per_area and plan.listing
        if (self._settings.every_area_on_page and not plan.per_area and plan.areas is None
                and not doc_filter and not plan.named_documents and not listing
                and len(self._resolver.keys) <= ALL_AREAS_MAX):
            # (a store of many councils is searched as one, as a comparison of them is)
            ranked = every_area_on_page(ranked, similarity, lambda p: chunks[p].doc.area,
                                        self._settings.top_k)
        if listing and ranked:
            top, runs_on = self._lists.anchor(plan, ranked, chunks)
            if plan.whole_section_asked:  # the whole section, from its start
                top = self._section_start(plan, top, chunks)
            # (ranked first, as the best hit is: a section's start may be no candidate)
            scores.setdefault(top, max(scores.values(), default=0.0))
            ranked = [top, *(p for p in ranked if p != top)]
            following = [p for p in self._following(top, LIST_CHUNKS, chunks)
                         if allowed is None or allowed[p]]
            for position in following:  # ranked with the list they continue
                scores.setdefault(position, scores[top])
                similarity.setdefault(position, similarity.get(top, 0.0))
            ranked = with_list_continuation(ranked, following, scores, runs_on)
        if plan.period_documents and not kind_filter:
            first = self._standing_lines(plan.period_documents, plan.status_asked, chunks)
            ranked = _ranked_first(first, ranked, scores)
        top_k = ranked[:k]
        self._fetch(chunks, [p + d for p in top_k for d in (-1, 0, 1)])
        return [self._hit(i, scores[i], similarity.get(i, 0.0), chunks) for i in top_k
                if i in chunks]

    def used_in_scope(self, plan: SearchPlan) -> Callable[[str], bool] | None:
        """Whether the documents of the areas a question names use a term (a stem): None when
        it names none. "What does Oxfordshire say about anti-social behaviour?" is about a
        word Essex uses and Oxfordshire does not; over many councils nearly every word is used
        by one of them."""
        return None if plan.areas is None else self._held_in(plan.areas)

    def written_in_scope(self, plan: SearchPlan) -> Callable[[str], bool] | None:
        """Whether a passage of the areas a question names writes a phrase, as whole words in
        any case ("Crown Prosecution Service"): None when it names none. At most NAMING_READ
        of the passages holding its words are read."""
        if plan.areas is None:
            return None
        areas = plan.areas

        def writes(phrase: str) -> bool:
            pattern = _whole_words((phrase,), re.IGNORECASE)
            return pattern is not None and bool(
                self._writing(pattern, (phrase,), self._area_rows(areas), {}, 1))
        return writes

    def naming(self, names: Sequence[str], plan: SearchPlan,
               doc_ids: Sequence[str] | None = None) -> list[Hit]:
        """The NAMING_CHUNKS chunks most similar to the query among the first NAMING_POOL of the
        planned areas (and `doc_ids`) that write one of the names as given: a name made of
        words every passage uses ("the Oxfordshire Domestic Abuse Service"), which neither
        ranking lifts above the passages on domestic abuse services. The chunks holding every
        word of a name come from the word index; at most NAMING_READ of them are read."""
        # … as a name is written: whole words, in capitals ("Domestic Abuse Services" and
        # "domestic abuse service" name no service of that name)
        written = _whole_words(tuple(names))
        if written is None:
            return []
        allowed = self._snapshot.allowed(Filter(areas=plan.areas,
                                                doc_ids=tuple(doc_ids) if doc_ids else None))
        chunks: dict[int, StoredChunk] = {}
        found = self._writing(written, names, allowed, chunks, NAMING_POOL)
        self._fetch(chunks, [p + d for p in found for d in (-1, 0, 1)])
        ranked = self._by_parts(self._query_vector(plan.text), [], found)
        return [self._hit(p, 0.0, similarity, chunks) for p, similarity in ranked
                if p in chunks][:NAMING_CHUNKS]

    def _writing(self, pattern: re.Pattern[str], names: Sequence[str],
                 allowed: np.ndarray | None, chunks: dict[int, StoredChunk], wanted: int
                 ) -> list[int]:
        """The first `wanted` positions, in document order, of the `allowed` chunks whose text
        the pattern finds, among those holding every word of one of the names (from the word
        index); read into `chunks` a page of NAMING_POOL at a time, at most NAMING_READ."""
        lexical = self._snapshot.lexical
        candidates = sorted({int(p) for name in names for p in lexical.containing(name, allowed)})
        found: list[int] = []
        for start in range(0, min(len(candidates), NAMING_READ), NAMING_POOL):
            page = candidates[start:start + NAMING_POOL]
            self._fetch(chunks, page)
            found += [p for p in page if p in chunks and pattern.search(chunks[p].chunk.text)]
            if len(found) >= wanted:
                break
        return found[:wanted]

    def in_named_section(self, plan: SearchPlan, hit: Hit) -> bool:
        """Whether a hit is under a section the question names, or holds the rows an action
        plan numbers for it ("4.1 - …" for "section 4": `SearchPlan.item_reference`)."""
        reference = plan.item_reference
        return (plan.names_section(self._headings, hit.section)
                or (reference is not None and holds_items(reference, hit.text, hit.section)))

    def named_section(self, plan: SearchPlan, section: str) -> str:
        """The part of a section path that the question names (see
        `kb.retrieval.headings.HeadingMatcher.named_part`)."""
        return plan.named_part(self._headings, section)

    def part_similarities(self, plan: SearchPlan, hits: Sequence[Hit]
                          ) -> dict[str, list[tuple[int, int, float]]]:
        """Each hit's quotable units that have a part vector (kb.retrieval.parts): their spans
        in the document and their similarity to the planned query, by chunk id (read from the
        chunk table; the query's vector is the one its search computed)."""
        positions = self._snapshot.positions([hit.chunk_id for hit in hits])
        if not positions:
            return {}
        query = np.asarray(self._query_vector(plan.text), dtype=np.float32)
        query /= max(float(np.linalg.norm(query)), 1e-12)
        rows = {chunk_id: int(self._snapshot.rows[p]) for chunk_id, p in positions.items()}
        stored = self._snapshot.table.embeddings(rows.values())
        out: dict[str, list[tuple[int, int, float]]] = {}
        for hit in hits:
            row = stored.get(rows.get(hit.chunk_id, -1))
            if row is not None:
                out[hit.chunk_id] = [(hit.start + a, hit.start + b, sim) for a, b, sim in
                                     unit_similarities(query, hit.text, hit.section, row[1])]
        return out

    def _standing_lines(self, doc_ids: Sequence[str], status: bool,
                        chunks: dict[int, StoredChunk]) -> list[int]:
        """For each document, the first of its opening chunks that says whether it is a draft
        or adopted (`status`), else the first that gives its period's years (its title page,
        as a rule); a document whose opening chunks do neither is left out."""
        found = []
        for doc_id in doc_ids:
            opening = self._opening(doc_id, PERIOD_CHUNKS, chunks)
            line = standing_line([(chunks[p].chunk.text, chunks[p].doc.period)
                                  for p in opening], status)
            found += [opening[line[0]]] if line else []
        return found

    def first_passage(self, doc_id: str) -> Hit | None:
        """A document's first chunk as a hit (None when none is stored)."""
        chunks: dict[int, StoredChunk] = {}
        opening = self._opening(doc_id, 1, chunks)
        return self._hit(opening[0], 0.0, 0.0, chunks) if opening else None

    def _opening(self, doc_id: str, count: int, chunks: dict[int, StoredChunk]) -> list[int]:
        """The positions of a document's first `count` chunks, read into `chunks`."""
        mask = self._snapshot.allowed(Filter(doc_ids=(doc_id,)))
        opening = [int(p) for p in np.flatnonzero(mask)[:count]] if mask is not None else []
        self._fetch(chunks, opening)
        return [p for p in opening if p in chunks]

    def _fetch(self, chunks: dict[int, StoredChunk], positions: Sequence[int]) -> None:
        missing = [p for p in positions if p not in chunks]
        if missing:
            chunks.update(self._snapshot.items(missing))

    def _specific_phrases(self, plan: SearchPlan) -> re.Pattern[str] | None:
        """The strategies' terms for the query's everyday words that are specific (their words
        together in at most SPECIFIC_PHRASE_SHARE of the chunks: "Experts by Experience" for
        "lived experience", "contributors" for "helped write"), as a pattern; None for none,
        or with KB_PHRASE_BOOST off."""
        if not self._settings.phrase_boost:
            return None
        lexical = self._snapshot.lexical
        return _whole_words(tuple(w for w in plan.strategy_words if len(lexical.containing(w))
                                  <= SPECIFIC_PHRASE_SHARE * len(lexical)), re.IGNORECASE)

    def _fused(self, plan: SearchPlan, vector: list[float], where: Filter,
               allowed: np.ndarray | None, boost_kinds: frozenset[object],
               chunks: dict[int, StoredChunk], phrases: re.Pattern[str] | None = None
               ) -> tuple[dict[int, float], dict[int, float]]:
        s = self._settings
        found = self._store.query(vector, s.dense_k, where)
        lexical = self._snapshot.lexical.search(plan.lexical_text, s.lexical_k, allowed)
        if lexical and not self._snapshot.lexical.holds_any(plan.lexical_text, allowed):
            # the searched chunks share only question words with it ("What are Ashcombe's
            # targets?" matches every "What we will do:"): no evidence of its topic
            lexical = []
        positions = self._snapshot.positions([chunk_id for chunk_id, _ in found])
        dense = [(positions[c], sim) for c, sim in found if c in positions]
        if s.part_scoring:
            dense = self._by_parts(vector, dense, [p for p, _ in lexical])
        scores: dict[int, float] = defaultdict(float)
        similarity: dict[int, float] = {}
        for rank, (position, sim) in enumerate(dense):
            scores[position] += s.dense_weight / (s.rrf_k + rank + 1)
            similarity[position] = sim
        for rank, (position, _) in enumerate(lexical):
            scores[position] += s.lexical_weight / (s.rrf_k + rank + 1)
        self._fetch(chunks, list(scores))
        for position in [p for p in scores if p not in chunks]:  # deleted since the snapshot
            del scores[position]
            similarity.pop(position, None)
        for position in scores:
            chunk = chunks[position].chunk
            if chunk.kind in boost_kinds:
                scores[position] *= 1.0 + s.intent_boost
            if chunk.doc_id in plan.named_documents:
                scores[position] *= 1.0 + s.reference_boost
            elif (plan.per_area and not plan.which_areas
                  and chunks[position].doc.kind in vocabulary().supporting_kinds):
                # areas compare by their strategies; whether an area mentions a thing at all
                # ("Which councils mention…?") is answered by any of its documents
                scores[position] *= 1.0 - s.supporting_penalty
            if (plan.terms and plan.calls_sections
                    and plan.names_section(self._headings, chunk.section)):
                scores[position] *= 1.0 + s.heading_boost
            if plan.defined and plan.defined.search(chunk.text):
                scores[position] *= 1.0 + s.reference_boost
            if phrases and phrases.search(chunk.text):
                scores[position] *= 1.0 + s.phrase_boost
        return dict(scores), similarity

    def _by_parts(self, vector: Sequence[float], dense: list[tuple[int, float]],
                  lexical: Sequence[int]) -> list[tuple[int, float]]:
        """The dense candidates and the word-matched ones, ranked by their similarity to the
        query counting each chunk's best part (kb.retrieval.parts), each with the similarity
        its hit reports: that ranking similarity with `part_relevance` (one sentence of a long
        chunk answers, and it is as relevant as that sentence), else the chunk's own. A chunk
        stored without an embedding keeps its vector store rank."""
        query = np.asarray(vector, dtype=np.float32)
        query /= max(float(np.linalg.norm(query)), 1e-12)
        given = dict(dense)
        candidates = {p: int(self._snapshot.rows[p])
                      for p in dict.fromkeys([p for p, _ in dense] + list(lexical))}
        stored = self._snapshot.table.embeddings(candidates.values())
        ranked: list[tuple[float, int, float]] = []
        for position, rowid in candidates.items():
            row = stored.get(rowid)
            if row is not None:
                best, own = part_similarity(query, *row)
                ranked.append((best, position, best if self._settings.part_relevance else own))
            elif position in given:
                ranked.append((given[position], position, given[position]))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return [(position, own) for _, position, own in ranked]

    def _led_by_named_section(self, plan: SearchPlan, ranked: list[int],
                              chunks: dict[int, StoredChunk], scores: dict[int, float],
                              where: Filter) -> list[int]:
        """The ranking, led by the first chunks (LIST_CHUNKS) of the outermost section the
        question calls by number when no top hit is under it: "What's in section 3?" has no
        topic words to find it by, and "section 4" is the chapter "4. Our approach", not an
        appendix's "4. Partnership". Ranked as the best hit is."""
        # (a path that writes none of the numbers, as digits or words, is not read further)
        numbers = {name.split("#", 1)[1].lower() for name in plan.section_names if "#" in name}
        written = numbers | {word for word, number in (*NUMBER_WORDS.items(),
                                                       *ORDINAL_WORDS.items())
                             if number in numbers}
        named = [path for path in self._sections
                 if any(number in path.lower() for number in written)
                 and plan.names_section(self._headings, path)]
        under = self._snapshot.in_sections(named, where)[:NAMED_SECTION_CHUNKS]  # (the scope's)
        self._fetch(chunks, under)
        depth = {p: plan.named_part(self._headings, chunks[p].chunk.section).count(" > ")
                 for p in under if p in chunks}
        if not depth:
            return self._led_by_referenced_items(plan, ranked, chunks, scores, where)
        outermost = [p for p in depth if depth[p] == min(depth.values())]
        sections = {chunks[p].chunk.section for p in outermost}
        top = ranked[:LIST_POOL]
        self._fetch(chunks, top)
        if any(chunks[p].chunk.section in sections for p in top if p in chunks):
            return ranked
        return _ranked_first(outermost[:LIST_CHUNKS], ranked, scores)

    def _led_by_referenced_items(self, plan: SearchPlan, ranked: list[int],
                                 chunks: dict[int, StoredChunk], scores: dict[int, float],
                                 where: Filter) -> list[int]:
        """Where no heading is numbered as the question calls the section, the ranking led by
        the first chunk whose lines are the items the number refers to ("4.1 - Develop and
        pilot…" for "What does Essex say under outcome 4?", whose outcomes are headed by their
        words alone), when no top hit holds them. Only within the areas or documents the
        question names: a whole store is not read for it."""
        reference = plan.item_reference
        allowed = self._snapshot.allowed(where)
        if reference is None or allowed is None:
            return ranked
        top = ranked[:self._settings.top_k]
        self._fetch(chunks, top)
        if any(holds_items(reference, chunks[p].chunk.text, chunks[p].chunk.section) for p in top):
            return ranked
        scope = [int(p) for p in np.flatnonzero(allowed)]
        self._fetch(chunks, scope)
        holding = [p for p in scope
                   if holds_items(reference, chunks[p].chunk.text, chunks[p].chunk.section)]
        if not holding:
            return ranked
        first = min(holding, key=lambda p: (chunks[p].chunk.doc_id, chunks[p].chunk.ordinal))
        return _ranked_first([first], ranked, scores)

    def _section_start(self, plan: SearchPlan, position: int,
                       chunks: dict[int, StoredChunk]) -> int:
        """The first chunk, up to LIST_CHUNKS back, of the section the question names that a
        chunk is in (`named_section`; "3.1 Prevention" for a chunk of "3.3 …" when it asks
        what section 3 says)."""
        chunk = chunks[position].chunk
        named = self.named_section(plan, chunk.section)
        first = max(position - LIST_CHUNKS, 0)
        self._fetch(chunks, range(first, position))
        while (position > first and position - 1 in chunks
               and chunks[position - 1].chunk.doc_id == chunk.doc_id
               and in_section(chunks[position - 1].chunk.section, named)):
            position -= 1
        return position

    def _following(self, position: int, count: int, chunks: dict[int, StoredChunk]
                   ) -> list[int]:
        """Up to `count` chunks after a chunk, in its document, that stay in its top-level
        section or sit in a sibling section (a strand after a strand)."""
        path = chunks[position].chunk.section.split(" > ")
        doc_id = chunks[position].chunk.doc_id
        self._fetch(chunks, range(position + 1, position + 1 + count))
        out = []
        for after in range(position + 1, position + 1 + count):
            if after not in chunks:
                break
            chunk = chunks[after].chunk
            other = chunk.section.split(" > ")
            if chunk.doc_id != doc_id or (other[0] != path[0] and len(other) != len(path)):
                break
            out.append(after)
        return out

    def _interleave(self, ranked: list[int], areas: tuple[str, ...] | None,
                    chunks: dict[int, StoredChunk], listing: SearchPlan | None = None
                    ) -> list[int]:
        """Round-robin over areas (best area first) so every area gets its share of the top k;
        for a list question (`listing`, its plan), each area's list first ("What indicators
        do X and Y use?": each area's indicators, see `kb.retrieval.list_anchor`)."""
        by_area: dict[str, list[int]] = defaultdict(list)
        for position in ranked:
            by_area[chunks[position].doc.area].append(position)
        if listing is not None:
            for area, own in by_area.items():
                top = self._lists.anchor(listing, own, chunks)[0]
                by_area[area] = [top, *(p for p in own if p != top)]
        order = [a for a in (areas or by_area.keys()) if by_area.get(a)]
        out: list[int] = []
        while any(by_area[a] for a in order):
            for area in order:
                if by_area[area]:
                    out.append(by_area[area].pop(0))
        return out

    def _hit(self, position: int, score: float, similarity: float,
             chunks: dict[int, StoredChunk]) -> Hit:
        item = chunks[position]
        doc_id = item.chunk.doc_id
        before = chunks.get(position - 1)
        after = chunks.get(position + 1)
        return item.to_hit(
            score=round(score, 6), similarity=round(similarity, 4),
            context_before=before.chunk.text if before and before.chunk.doc_id == doc_id else "",
            context_after=after.chunk.text if after and after.chunk.doc_id == doc_id else "",
        )


_PLURAL_BEFORE_WORD = re.compile(r"s\\ ")  # (in an escaped phrase: "Survivors\ Panel")
_POSSESSIVE_OR_NOT = r"s['’]?\\ "


@lru_cache(maxsize=256)
def _whole_words(words: tuple[str, ...], flags: int = 0) -> re.Pattern[str] | None:
    """Any of the words (or phrases) written as whole words, as a pattern: a name as given
    ("Domestic Abuse Delivery Group"), or the strategies' term for a question's everyday
    words, in any case ("Experts by Experience" for "lived experience"); None for none."""
    if not words:
        return None
    # a plural's possessive as written or not: "Survivors Panel" names the "Survivors' Panel";
    # an acronym's plural names the acronym too ("GPs" in "GP practices")
    escaped = (ACRONYM_PLURAL.sub(r"\1s?", _PLURAL_BEFORE_WORD.sub(_POSSESSIVE_OR_NOT,
                                                                    re.escape(w)))
               for w in words)
    return re.compile("|".join(rf"(?<!\w){w}(?!\w)" for w in escaped), flags)


def _ranked_first(leading: Sequence[int], ranked: list[int], scores: dict[int, float]
                  ) -> list[int]:
    """The ranking with these positions first, each scored as the best hit is."""
    best = max(scores.values(), default=0.0)
    for position in leading:
        scores[position] = best
    return [*leading, *(p for p in ranked if p not in leading)]
