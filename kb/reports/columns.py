"""Comparisons of one column: a theme that names only a column of the table ("Compare the aims
of Buckinghamshire and Essex", "How will they measure success?", "their visions") asks for each
area's items of that kind, whatever their words, not for passages that happen to hold the
column's name. The items come from each area's commitments register (`kb.reports.register`),
its strategies before its supporting documents (presentations), in document order.

The column's words are data (vocabulary `[columns]`): each kind's names, and the words around
them that ask for nothing more ("the outcomes they want to achieve"). An area that lists none of
the column's items is compared on the theme's words instead, as the notice says
(`kb.reports.comparer.ThemeComparer.columns_filled`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from kb.answers.about import topic_terms
from kb.records import FACET_KINDS, ChunkKind, Citation, Comparison, Facet, Framework, FrameworkItem
from kb.text import quote_words, word_list_terms
from kb.vocabulary import vocabulary

COLUMN_ITEMS = 6  # a cell holds an area's first items of the column (a list of aims is ~3-8)
# an area that names its aims "outcomes" (or the other way round) fills the cell with those
KINDRED = {ChunkKind.AIM: ChunkKind.OUTCOME, ChunkKind.OUTCOME: ChunkKind.AIM}


def asked_kinds(topic: str) -> frozenset[ChunkKind]:
    """The kinds of item a comparison's topic asks for when it names columns and nothing else
    ("aims", "measure success", "the outcomes they want"); none when it names a subject too
    ("measure success with young people" compares a theme)."""
    words = vocabulary()
    kinds: set[ChunkKind] = set()
    rest = topic
    for kind, pattern in words.columns:
        if pattern.search(rest):
            kinds.add(kind)
            rest = pattern.sub(" ", rest)
    left = topic_terms(rest) - word_list_terms(words.column_asking)
    return frozenset(kinds) if kinds and not left else frozenset()


def column_table(theme: str, areas: list[str], kinds: frozenset[ChunkKind],
                 registers: Mapping[str, Framework]) -> Comparison:
    """Each area's items of the asked kinds, side by side in their column; the other columns
    are not asked for and stay empty, which the comparison's notice says.

    Args:
        theme: the officer's wording (kept on the comparison).
        areas: the areas to compare.
        kinds: the kinds asked for (`asked_kinds`).
        registers: each area's commitments register (an area without one, having no
            documents, has empty cells).
    """
    supporting = vocabulary().supporting_kinds  # presentations: after the strategies' items
    cells: dict[str, dict[Facet, list[Citation]]] = {}
    counts: dict[str, dict[Facet, int]] = {}
    n = 0
    for area in areas:
        cells[area], counts[area] = {}, {}
        register = registers.get(area)
        for facet, facet_kinds in FACET_KINDS.items():
            wanted = kinds & facet_kinds
            found = _items(register, wanted, supporting) if register else []
            if register and not found:
                found = _items(register, frozenset(KINDRED[k] for k in wanted if k in KINDRED),
                               supporting)
            counts[area][facet] = len(found)
            cells[area][facet] = []
            for item in found[:COLUMN_ITEMS]:
                n += 1
                cells[area][facet].append(replace(item.citation, n=n))
    names = ", ".join(sorted(kind.value + "s" for kind in kinds))
    return Comparison(theme=theme, areas=areas, cells=cells, found=counts,
                      notice=f"Compared on {names} alone: each area's {names} as its register "
                             "lists them, its strategies first.")


def _items(register: Framework, kinds: frozenset[ChunkKind], supporting: frozenset[str]
           ) -> list[FrameworkItem]:
    """The register's items of the kinds, strategies' first, in document order, each
    sentence once."""
    kinds_by_document = {d.doc_id: d.kind for d in register.documents}
    found = [item for kind in kinds for item in register.items.get(kind.value, [])]
    found.sort(key=lambda item: (kinds_by_document.get(item.citation.doc_id, "") in supporting,
                                 item.citation.doc_id, item.citation.start))
    said: set[str] = set()
    unique = []
    for item in found:
        words = quote_words(item.text)
        if words not in said:
            said.add(words)
            unique.append(item)
    return unique
