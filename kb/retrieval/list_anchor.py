"""Where the list or section a question asks for is among its ranked hits: the hit of the
asked-for kind under the named section, the rows an action plan numbers after it, or the hit
whose lead-in or heading names the list (`kb.retrieval.hybrid` then ranks the chunks it runs
on into after it)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet

from kb.backends.chunks import StoredChunk
from kb.records import Chunk
from kb.retrieval.headings import HeadingMatcher, holds_items
from kb.retrieval.lists import (
    announced_nouns,
    announces_other_list,
    item_lines,
    list_labels,
    list_weight,
)
from kb.retrieval.plan import SearchPlan
from kb.text import content_terms

LIST_POOL = 20  # hits searched for the list a list question names


def _heads_list(chunk: Chunk, nouns: AbstractSet[str]) -> bool:
    """Whether a chunk opens with a heading that names the list asked for ("Strategy Summary -
    Outcomes …" for "What outcomes…?") and holds no item of its own (no list item, no table
    row): the items are in the chunks after it."""
    heading = chunk.section.split(" > ")[-1]
    return (bool(heading) and chunk.text.lstrip().startswith(heading)
            and bool(content_terms(heading) & nouns)
            and not item_lines(chunk.text) and "\t" not in chunk.text)


def _title_page(chunk: Chunk) -> bool:
    """A document's opening chunk that holds no sentence (its title and period): no list."""
    return chunk.ordinal == 0 and not re.search(r"[.!?:]", chunk.text)


class ListLocator:
    """Finds the anchor of an asked-for list among ranked chunk positions."""

    def __init__(self, headings: HeadingMatcher, idf: Mapping[str, float], top_k: int) -> None:
        """Match sections with `headings`, weigh a list's label by `idf`, and look for the
        asked-for kind among the first `top_k` hits."""
        self._headings = headings
        self._idf = idf
        self._top_k = top_k

    def anchor(self, plan: SearchPlan, ranked: Sequence[int],
               chunks: dict[int, StoredChunk]) -> tuple[int, bool]:
        """Where the asked-for list is, and whether it runs on from there: when the
        question asks for a kind of passage ("What will X do under…": actions), the first of
        the top hits of that kind in the best hit's document and, where it names a section,
        under that section (unless no label of it names the list and a hit of that kind among
        the first LIST_POOL announces it, "… on five outcomes:": that one, `_announcing`);
        of those, when it asks what the named section holds, the one
        with the most list items (a summary page that repeats the priorities' headings over a
        sentence each comes before the section that lists the priority's actions); when it
        asks what a named section holds and for no kind ("What does section 3.2 say?"), the
        first of the top hits under that section; else the top hit that names the list
        (`_named_list`), in the document the question names if it names one."""
        best = chunks[ranked[0]].chunk
        whole = plan.whole_section_asked  # "What does section 3 say?"
        of_kind = [position for position in ranked[:LIST_POOL]
                   if ((chunk := chunks[position].chunk).kind in plan.kinds or whole)
                   and chunk.doc_id == best.doc_id
                   and not announces_other_list(chunk.text, chunk.lead, plan.list_nouns)
                   and (not (plan.section_names or plan.section_about)
                        or plan.names_section(self._headings, chunk.section))]
        first = set(ranked[:self._top_k])
        found = self._on_topic(plan, [position for position in of_kind if position in first],
                               chunks)
        if whole and found:  # (`kb.retrieval.hybrid` goes back to where the section starts)
            return found[0], False
        if found:  # (max keeps the first of equals)
            anchor = (max(found, key=lambda p: item_lines(chunks[p].chunk.text))
                      if plan.whole_section else found[0])
            if not plan.whole_section and not self._list_weight(plan, anchor, chunks):
                # "List the outcomes Essex wants for victims.": the first hit of the kind is
                # a list under one outcome's heading; the list of outcomes is further down,
                # after "… focusing our planning and delivery on five outcomes:"
                announcing = self._announcing(plan, of_kind, chunks)
                anchor = anchor if announcing is None else announcing
            return anchor, _heads_list(chunks[anchor].chunk, plan.list_nouns)
        reference = plan.item_reference  # "under Theme B": an action plan's rows "B1", "B2"
        if reference is not None:
            top = [position for position in ranked[:self._top_k]
                   if chunks[position].chunk.doc_id == best.doc_id]
            # the section called by number, where it has text of its own ("Priority B: …"
            # over what it will do), else the top hit of the asked kind (any, when the whole
            # section is asked for) holding its rows
            numbered = next((position for position in top if plan.names_section(
                self._headings, chunks[position].chunk.section.rsplit(" > ", 1)[-1])), None)
            if numbered is None:
                numbered = next((position for position in top
                                 if ((chunk := chunks[position].chunk).kind in plan.kinds
                                     or whole)
                                 and holds_items(reference, chunk.text, chunk.section)), None)
            if numbered is not None:
                return numbered, False
        pool = [p for p in ranked[:LIST_POOL] if (not plan.named_documents
                or chunks[p].chunk.doc_id in plan.named_documents)  # the document asked about
                and not _title_page(chunks[p].chunk)]
        return self._named_list(plan, pool, chunks) if pool else (ranked[0], False)

    @staticmethod
    def _on_topic(plan: SearchPlan, found: list[int], chunks: dict[int, StoredChunk]
                  ) -> list[int]:
        """The hits of the asked-for kind that hold a word of what the list is about, besides
        the list's noun ("prosecutions" of "What are Bucks' actions to increase
        prosecutions?": the actions that speak of them, not the "KEY ACTIONS" introduction),
        when the first of them holds none; else all of them."""
        topic = plan.terms - plan.list_nouns

        def holds(position: int) -> bool:
            chunk = chunks[position].chunk
            return bool(topic & content_terms(f"{chunk.section} {chunk.text}"))

        if not topic or not found or holds(found[0]):
            return found
        return [position for position in found if holds(position)] or found

    def _list_weight(self, plan: SearchPlan, position: int,
                     chunks: dict[int, StoredChunk], announcing: bool = False) -> float:
        """How well the best of a chunk's labels (`list_labels`) names the list asked for
        (`list_weight`, with the chunk's section path); with `announcing`, counting only the
        labels that announce it ("… on five outcomes:", not a heading "What do we know about
        this Outcome?" over another list)."""
        return max((weight for label, weight in self._weighed_labels(plan, chunks[position].chunk)
                    if not announcing or announced_nouns(label) & plan.list_nouns),
                   default=0.0)

    def _weighed_labels(self, plan: SearchPlan, chunk: Chunk) -> Iterator[tuple[str, float]]:
        """Each of a chunk's labels (`list_labels`) with how well it names the list asked for
        (`list_weight`, with the chunk's section path)."""
        path = content_terms(chunk.section)
        for label in list_labels(chunk.text, chunk.lead, chunk.section.split(" > ")[-1]):
            yield label, list_weight(label, plan.list_nouns, plan.list_terms, self._idf, path)

    def _announcing(self, plan: SearchPlan, pool: Sequence[int],
                    chunks: dict[int, StoredChunk]) -> int | None:
        """The hit of the pool whose lead-in announces the list asked for and names it best
        (the first of equals); None when none does."""
        weights = {position: self._list_weight(plan, position, chunks, announcing=True)
                   for position in pool}
        best = max(pool, key=lambda p: weights[p], default=None)
        return best if best is not None and weights[best] > 0.0 else None

    def _named_list(self, plan: SearchPlan, pool: Sequence[int],
                    chunks: dict[int, StoredChunk]) -> tuple[int, bool]:
        """The hit of the pool whose list lead-in or heading names the list the question
        asks for ("the following principles will be followed:" for "What principles…") and
        shares the most of its topic's words, with its section path (by idf weight), else the
        pool's first; and whether the list that names it runs on into the next chunks (its
        lead-in ends the chunk, or the chunk continues a list from an earlier one)."""
        best, best_weight, runs_on = pool[0], 0.0, False
        if not plan.list_nouns:
            return best, False
        for position in pool:
            chunk = chunks[position].chunk
            last_line = chunk.text.rstrip().rsplit("\n", 1)[-1]
            for label, weight in self._weighed_labels(plan, chunk):
                if weight > best_weight:
                    best, best_weight = position, weight
                    runs_on = label in (chunk.lead, last_line)
        return best, runs_on
