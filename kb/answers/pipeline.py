"""Answering a question from the indexes of one refresh: its plan and hits, a document's own
period or outline where it asks for one, the documents held where it asks what is held, the
names it gives looked up as written, the refusal rules, then the extractive answer in the shape
it asks for (notes, and the LLM mode's answer, where asked and configured).
`kb.api.KnowledgeBase.ask` is the door to it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from functools import partial

from kb.answers import extractive
from kb.answers.clauses import joined, question_clauses
from kb.answers.extractive import AnswerShape
from kb.answers.holdings import holdings_answer
from kb.answers.notes import asks_for_sources, with_notes
from kb.answers.outlines import outline_answer
from kb.answers.periods import period_answer
from kb.answers.refusal import specific_terms, uncovered_reason, unnamed
from kb.answers.verify import llm_answer
from kb.backends.embedder import Embedder
from kb.backends.llm import LLM
from kb.config import Settings
from kb.errors import LLMError
from kb.records import Answer, Chunk, Hit
from kb.retrieval import followup
from kb.retrieval.areas import ALL_AREAS_MAX, AreaResolver
from kb.retrieval.documents import DocumentResolver, from_named_documents
from kb.retrieval.headings import division_reference, listed_question
from kb.retrieval.hybrid import HybridRetriever
from kb.retrieval.intent import named_kinds
from kb.retrieval.plan import SearchPlan
from kb.retrieval.topic import without_preamble
from kb.retrieval.years import YEAR
from kb.text import IdfTable, content_terms

TEXT_VECTORS = 512  # passages' vectors kept for the refusal's similarities (~12 KB each)


class Answerer:
    """Answers questions over what one refresh of the knowledge base read."""

    def __init__(self, retriever: HybridRetriever, areas: AreaResolver,
                 glossary: dict[str, set[str]], idf: IdfTable, documents: DocumentResolver,
                 area_names: dict[str, str], settings: Settings, llm: LLM | None,
                 embedder: Callable[[], Embedder], document_chunks: Callable[[str], list[Chunk]],
                 document_passages: Callable[[str], list[Hit]]) -> None:
        """Wire the answerer.

        Args:
            retriever: plans and searches questions.
            areas: finds areas named in questions.
            glossary: acronym -> long forms.
            idf: term weights.
            documents: finds documents named in questions.
            area_names: area key -> display name (answers group by it).
            settings: the settings in force.
            llm: the language model of the LLM answer mode, or None.
            embedder: returns the (lazily loaded) embedder, for the refusal's similarities.
            document_chunks: a document's chunks (for an answer's notes).
            document_passages: a document's chunks as hits, in document order (outlines).
        """
        self._retriever = retriever
        self._areas = areas
        self._glossary = glossary
        self._idf = idf
        self._documents = documents
        self._area_names = area_names
        self._settings = settings
        self._llm = llm
        self._embedder = embedder
        self._document_chunks = document_chunks
        self._document_passages = document_passages
        # passages' vectors, oldest first (not functools.lru_cache, which embeds one text per
        # call: the passages a question misses are embedded together, in one run)
        self._text_vectors: dict[str, list[float]] = {}
        self._text_lock = threading.Lock()

    def answer(self, question: str, areas: Sequence[str] | None,
               history: Sequence[str] | None, doc_ids: Sequence[str] | None,
               kinds: Sequence[str] | None) -> Answer:
        """The answer to a question already read for typos (see `KnowledgeBase.ask`); where
        it is refused and joins two questions ("What is MARAC and how many cases does
        Oxfordshire see?"), what is found for either, each asked of the areas the whole names
        and the second as a follow-up of the first (`kb.answers.clauses`)."""
        answer = self._answer(question, areas, history, doc_ids, kinds)
        clauses = [] if answer.found or not self._settings.compound_questions else (
            question_clauses(question))
        if not clauses:
            return answer
        named = areas or self._areas.mentioned(question) or None
        first = self._answer(clauses[0], named, history, doc_ids, kinds)
        second = self._answer(clauses[1], named, [*(history or ()), clauses[0]], doc_ids,
                              kinds)
        return joined(clauses, [first, second]) if first.found or second.found else answer

    def _answer(self, question: str, areas: Sequence[str] | None,
                history: Sequence[str] | None, doc_ids: Sequence[str] | None,
                kinds: Sequence[str] | None) -> Answer:
        """The answer to one question (see `answer`)."""
        resolved = followup.resolve(without_preamble(question, self._areas), history,
                                    self._areas)
        # (a follow-up may carry the last turn's framing)
        searched = without_preamble(resolved, self._areas)
        plan = self._retriever.plan(searched, areas)
        # over more councils than are searched one by one, "Which councils have…?" or "What do
        # all the councils say about…?" is answered by those that speak of it: a hit for as
        # many areas as are searched one by one, so that those ranked past the first few count
        searched_as_one = plan.searched_as_one and plan.areas is None
        k = max(self._settings.top_k, ALL_AREAS_MAX) if searched_as_one else self._settings.top_k
        hits = self._retriever.search(searched, k, areas, doc_ids, kinds, plan)
        # "What is Bucks' second delivery strand?", where no heading is numbered so: an item
        # of the list of its strands ("What are Bucks' delivery strands?"), picked out of it
        numbered = frozenset(name for name in plan.section_names
                             if "#" in name and not name.startswith("#"))
        listed = listed_question(searched) if numbered and plan.whole_section_asked else None
        if listed and not any(self._retriever.in_named_section(plan, hit) for hit in hits):
            plan = self._retriever.plan(listed, areas)
            hits = self._retriever.search(listed, k, areas, doc_ids, kinds, plan)
        else:
            numbered = frozenset()
        dated = (period_answer(hits, plan.period_documents, plan.status_asked,
                               area_names=self._area_names)
                 if plan.period_documents else None)
        if dated is not None:  # the documents' own period, from their title pages
            return dated
        outlined = outline_answer([d for d in plan.outline_documents
                                   if not doc_ids or d in doc_ids], self._document_passages)
        if outlined is not None:  # what the documents cover: their own headings
            return outlined
        held = holdings_answer([d for d in plan.held_documents if not doc_ids or d in doc_ids],
                               self._documents.info, self._retriever.first_passage,
                               self._area_names)
        if held is not None:  # what the knowledge base holds: the documents themselves
            return held
        hits, looked_up = self._with_names(resolved, hits, plan, doc_ids)
        reason = self.uncovered_reason(resolved, hits, plan.named_documents, looked_up,
                                       self._retriever.used_in_scope(plan), self._scope(plan),
                                       self._retriever.written_in_scope(plan),
                                       plan.related_terms)
        if reason:
            # a document's period its text gives nowhere (a launch event's slides): as it is held
            recorded = (holdings_answer(plan.period_documents, self._documents.info,
                                        self._retriever.first_passage, self._area_names,
                                        counted=False) if plan.period_documents else None)
            return recorded or extractive.refusal(resolved, hits, reason)
        topic = self._areas.topic(resolved) or resolved
        hits = from_named_documents(hits, plan.named_documents, plan.areas)
        if plan.section_names and plan.section_placed and not (plan.per_area or plan.listing):
            # "What does success look like under Priority Two?": that section's passages,
            # where any was found, not the same kind of passage under its siblings
            hits = ([h for h in hits if self._retriever.in_named_section(plan, h)] or hits)
        weight = self._settings.sentence_similarity
        parts = self._retriever.part_similarities(plan, hits) if weight else None
        # "What does section 3 say?" is answered with the section, where a hit is in it;
        # "… in its section on children", where no heading is about them, as any question is
        whole = plan.whole_section_asked
        unfound = whole and not any(self._retriever.in_named_section(plan, hit) for hit in hits)
        called = division_reference(self._areas.without_names(resolved, " ")) if unfound else ""
        if called:  # "What does section 12 say?" of a strategy with no section 12 ("its second
            # priority" may be an item of a list: answered as any question)
            return extractive.refusal(resolved, hits, f"no {called} was found"
                                      f"{self._scope(plan)}")
        shape = AnswerShape(
            multi_area=plan.per_area, kinds=named_kinds(resolved, plan.kinds),
            # "What does MARAC stand for?": the sentence that spells it out
            extra_words=(*plan.strategy_words, *plan.spelled), related=plan.relatives,
            listing=plan.listing and not unfound, whole_section=plan.whole_section and not unfound,
            which_areas=plan.which_areas or searched_as_one,
            named_section=(partial(self._retriever.named_section, plan)
                           if whole and not unfound else None),
            reference=plan.item_reference, called=numbered)
        answer = extractive.compose(topic, hits, self._idf, shape, self._area_names, parts,
                                    weight)
        if not answer.found:
            return extractive.refusal(resolved, hits, "no passage answers it")
        if asks_for_sources(resolved):  # "Where does the £48 million figure come from?"
            answer = with_notes(answer, self._document_chunks)
        if self._llm is None:
            return answer
        try:
            return llm_answer(resolved, hits, self._llm, self._idf,
                              lambda a, b: self._similarity_rows([a], [b])[0][0])
        except LLMError as exc:
            notice = f"The language model could not answer ({exc}); showing the extractive answer."
            return replace(answer, notice=notice)

    def _scope(self, plan: SearchPlan) -> str:
        """Where a search looked, for a refusal: " in the documents of Essex", or ''."""
        names = [self._area_names.get(area, area) for area in plan.areas or ()]
        if not names:
            return ""
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        return f" in the documents of {listed}"

    def uncovered_reason(self, question: str, hits: Sequence[Hit],
                         sources: Collection[str] = (), looked_up: Collection[str] = (),
                         used: Callable[[str], bool] | None = None, scope: str = "",
                         written: Callable[[str], bool] | None = None,
                         related: Collection[str] = ()) -> str:
        """Why the hits do not answer the question ('' when they do); see `kb.answers.refusal`
        (`sources`: the documents it names, by id; `looked_up`: its names that only a passage
        read for them writes; `used`: whether the searched areas' documents use a term;
        `scope`: where the search looked; `written`: whether they write a phrase; `related`:
        its terms whose family they write)."""
        return uncovered_reason(question, hits, self._settings.min_relevance, self._areas,
                                self._glossary, self._idf,
                                lambda sentences: self._similarity_rows([question], sentences)[0],
                                self._documents, self._similarity_rows, sources, looked_up, used,
                                scope, written, related)

    def _with_names(self, question: str, hits: list[Hit], plan: SearchPlan,
                    doc_ids: Sequence[str] | None) -> tuple[list[Hit], list[str]]:
        """The hits, led by the passages that write a name the question gives and no hit
        names, when every word of it is indexed ("What is the Oxfordshire Domestic Abuse
        Service?": words every passage uses, so neither ranking finds the one that names it),
        as many hits as before; and the names so found."""
        if not self._settings.name_lookup:
            return hits, []
        specific = specific_terms(question, self._areas, self._glossary, self._idf.keys())
        names = [name for name in unnamed(question, specific, hits)
                 if not YEAR.fullmatch(name) and content_terms(name) <= self._idf.keys()]
        found = self._retriever.naming(names, plan, doc_ids)
        ids = {hit.chunk_id for hit in found}
        led = [*found, *(hit for hit in hits if hit.chunk_id not in ids)][:len(hits)]
        return led, [name for name in names if unnamed(question, [name], found) == []]

    def _similarity_rows(self, queries: Sequence[str], texts: Sequence[str]
                         ) -> list[list[float]]:
        """Each query's cosine similarity to each text (one embedding run, for the queries
        and the texts not embedded before: the refusal reads the same top passages for many
        questions, and a passage of 150 words costs ten times a question)."""
        with self._text_lock:
            known = {t: self._text_vectors[t] for t in texts if t in self._text_vectors}
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        vectors = self._embedder().embed([*queries, *missing])
        known.update(zip(missing, vectors[len(queries):], strict=True))
        with self._text_lock:  # (questions may be answered on several threads)
            for text in missing:
                self._text_vectors[text] = known[text]
            while len(self._text_vectors) > TEXT_VECTORS:
                del self._text_vectors[next(iter(self._text_vectors))]  # the oldest
        return [[float(sum(x * y for x, y in zip(query, known[t], strict=True))) for t in texts]
                for query in vectors[:len(queries)]]
