"""Query planning: what a question asks of the search, before anything is searched.

A plan says which areas to search (and whether each gets its share of the hits), the text
for the dense and the word search (area names and comparison cues out, acronyms spelled
out, the strategies' words for everyday ones added), the documents and the section it names,
the kinds of passage it asks for, and whether it asks for a list, a document's period or
standing, or what a document covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kb.config import Settings
from kb.records import ChunkKind
from kb.retrieval.areas import ALL_AREAS_MAX, AreaResolver
from kb.retrieval.documents import DocumentResolver
from kb.retrieval.glossary import expand_query, followed_by
from kb.retrieval.headings import (
    HeadingMatcher,
    SectionReference,
    referenced_items,
    section_reference,
)
from kb.retrieval.intent import defined_term, intended_kinds, without_cues
from kb.retrieval.lists import asked_nouns, wants_list
from kb.retrieval.synonyms import strategy_words
from kb.text import content_terms, word_list_terms
from kb.vocabulary import vocabulary

OUTLINE_DOCUMENTS = 3  # the most documents one answer outlines ("What are the strategies about?")


@dataclass(frozen=True)
class SearchPlan:
    """How a query is searched: its expanded texts, the areas it covers and whether to interleave."""

    text: str  # for the dense search
    lexical_text: str  # for the word search
    areas: tuple[str, ...] | None
    per_area: bool
    which_areas: bool = False  # it asks which areas do something ("Which councils…?"), naming none
    named_documents: frozenset[str] = frozenset()  # documents the query refers to (boosted)
    terms: frozenset[str] = frozenset()  # the query's content terms (to match headings)
    section_names: frozenset[str] = frozenset()  # words it gives as a section's name
    section_about: frozenset[str] = frozenset()  # … or as what a section is about
    # it places what it asks in that section ("under Priority Two", not "its prevention aim")
    section_placed: bool = False
    kinds: frozenset[ChunkKind] = frozenset()  # the kinds of passage it asks for
    defined: re.Pattern[str] | None = None  # the acronym a definition question asks about …
    spelled: tuple[str, ...] = ()  # … and its long forms (the answer quotes them first)
    strategy_words: tuple[str, ...] = ()  # the strategies' words for its everyday ones
    # the words of the family of its words that no document searched writes, which they do
    # write ("pharmacy" for "pharmacists", kb.retrieval.families), and those words' terms
    relatives: tuple[str, ...] = ()
    related_terms: frozenset[str] = frozenset()
    whole_section: bool = False  # it asks what a named section holds, nothing narrower
    listing: bool = False  # it asks for a list (wants_list) or for a named section's
    item_asked: bool = False  # "Which outcome is about…?": one item of a kind, among them
    list_nouns: frozenset[str] = frozenset()  # the terms of the list nouns it names
    list_terms: frozenset[str] = frozenset()  # its terms, to find the list by (area names too)
    period_documents: tuple[str, ...] = ()  # documents whose own period or standing it asks
    status_asked: bool = False  # about, and whether it asks if they are drafts or adopted
    outline_documents: tuple[str, ...] = ()  # documents whose contents it asks about as a whole
    held_documents: tuple[str, ...] = ()  # the documents held that it asks for, as a list
    # several areas compared, more than are searched one by one: one search, shared out
    searched_as_one: bool = False

    @property
    def calls_sections(self) -> bool:
        """Whether a heading whose words the question uses is a section it calls for: where it
        names an area, a document or a section, or compares the areas. One that names none
        ("What's in the SAFE! recovery group for younger children?") shares a word with one
        area's heading ("RECOVERY") by chance; that area's passages are not the ones asked for."""
        return bool(self.areas is not None or self.per_area or self.named_documents
                    or self.section_names or self.section_about)

    @property
    def whole_section_asked(self) -> bool:
        """It asks what a named section holds and for no kind of passage ("What does section
        3.2 say?"): the whole section, whatever its passages' kinds."""
        return self.whole_section and not self.kinds

    @property
    def item_reference(self) -> re.Pattern[str] | None:
        """For a question about what a section called by number holds ("under Theme B"), the
        references that number its items in an action plan apart from it ("B1", "B2")."""
        return referenced_items(self.section_names) if self.whole_section else None

    def names_section(self, headings: HeadingMatcher, section: str) -> bool:
        """Whether the query names the section (a path, "Prevention > What we will do"), by its
        terms or by the name or subject it calls a section by (`HeadingMatcher.named`)."""
        return headings.named(section, self._heading_terms, self.section_names,
                              self.section_about)

    def named_part(self, headings: HeadingMatcher, section: str) -> str:
        """The part of a section path the query names (`HeadingMatcher.named_part`)."""
        return headings.named_part(section, self._heading_terms, self.section_names,
                                   self.section_about)

    @property
    def _heading_terms(self) -> frozenset[str]:
        """The terms that may name a heading: where the query calls a section by name, not the
        list it asks for there ("the key actions under RECOVERY" names no "KEY ACTIONS")."""
        if self.section_names or self.section_about:
            return self.terms - self.list_nouns
        return self.terms


def _word(term: str | None) -> re.Pattern[str] | None:
    return re.compile(rf"\b{re.escape(term)}s?\b") if term else None


class QueryPlanner:
    """Turns a question into a `SearchPlan` against what is indexed (its areas, documents,
    section headings and glossary); built with the retriever and refreshed with it."""

    def __init__(self, resolver: AreaResolver, documents: DocumentResolver,
                 headings: HeadingMatcher, glossary: dict[str, set[str]],
                 settings: Settings) -> None:
        self._resolver = resolver
        self._documents = documents
        self._headings = headings
        self._glossary = glossary
        self._settings = settings

    def plan(self, query: str, areas: Sequence[str] | None) -> SearchPlan:
        """Decide which areas to search and whether to take a quota of each; expand acronyms.

        Within a search restricted to areas, area names and comparison cues carry no signal,
        so they are taken out of the search text; so are the words that name a document (its
        chunks are boosted instead), which otherwise rank its title page first.
        """
        if areas:
            chosen: tuple[str, ...] | None = tuple(areas)
        else:
            named = self._resolver.against_the_rest(query)
            chosen = tuple(named) if named else None
        wants_all = self._resolver.wants_all(query)
        per_area = (chosen is not None and len(chosen) > 1) or (chosen is None and wants_all)
        topic = self._resolver.topic(query) if chosen or per_area else query
        documents = frozenset(self._documents.mentioned(query, chosen))
        reference = section_reference(self._resolver.without_names(query, " "))
        # "under Theme B" calls a section by number, a heading or not (its heading may sit in
        # another section's chunk, and an action plan may number its rows "B1", "B2")
        numbered = any("#" in name for name in reference.names)
        if not numbered and not self._headings.names_a_section(reference.names,
                                                               reference.about):
            # "under its perpetrators outcome": no heading is called "Perpetrators", but one
            # is about them ("Perpetrators are prevented from causing harm"); "the key
            # outcomes" say which outcomes matter, not what they are about
            about = (reference.names | reference.about) - word_list_terms(
                vocabulary().section_qualifiers)
            reference = (SectionReference(frozenset(), reference.rest, about, reference.placed)
                         if about and self._headings.names_a_section(frozenset(), about)
                         else SectionReference(frozenset(), query))
        # "What will Oxfordshire do under its Prevention priority?" asks for the section's list
        # of a kind (its actions): once the section's name, the areas, the words asking for
        # the kind and the scaffolding are out, nothing narrower is left
        # … in the strategies' words too: "Who keeps an eye on whether it is delivered?" asks
        # who oversees it (governance), not what will be delivered
        kinds = intended_kinds(followed_by(reference.rest, strategy_words(reference.rest))
                               if self._settings.synonyms else reference.rest)
        # … or, placed there and asking for no kind, the whole section ("What does section
        # 3.2 say?")
        whole_section = (self._settings.whole_section and bool(reference.names or reference.about)
                         and (bool(kinds) or reference.placed)
                         # ("the key actions": which of them, not what they are about)
                         and content_terms(self._resolver.topic(without_cues(reference.rest)))
                         <= word_list_terms(vocabulary().scaffolding)
                         | word_list_terms(vocabulary().section_qualifiers))
        searched = topic or query
        if documents and self._settings.reference_words_out:
            searched = self._documents.without_reference(searched, documents)
        # the embedding does not know an acronym, so the dense search needs its long form;
        # the word search matches the acronym itself, and the long form's words would rank
        # glossaries and any passage on "domestic violence" with it
        text, acronyms_only = expand_query(searched, self._glossary)
        lexical_text = text if self._settings.lexical_long_forms else acronyms_only
        synonyms = tuple(strategy_words(text)) if self._settings.synonyms else ()
        text, lexical_text = followed_by(text, synonyms), followed_by(lexical_text, synonyms)
        # "What does X say about counselling?" searches the words for counselling
        lexical_text = vocabulary().asking_verbs.sub(" ", lexical_text)
        rest = self._resolver.without_names(query)
        period = self._documents.period_asked(
            query, rest, chosen, ALL_AREAS_MAX, self._glossary
        ) if self._settings.period_answers else []
        outline = self._documents.outline_asked(
            query, rest, chosen, OUTLINE_DOCUMENTS, self._glossary
        ) if (self._settings.outline_answers and not period
              # "What does section 3.2 say?" asks for the section, not the whole document
              and not (reference.names or reference.about)) else []
        held = self._documents.holdings_asked(
            query, rest, chosen, self._glossary
        ) if self._settings.holdings_answers and not (period or outline) else []
        term = defined_term(query)
        item = bool(vocabulary().item_question.search(query))
        spelled = tuple(sorted(self._glossary.get(term, ()))) if term else ()
        return SearchPlan(text=text, lexical_text=lexical_text, areas=chosen,
                          per_area=per_area, named_documents=documents,
                          # (within a document it names, "which districts" are its own:
                          # "which district partnerships sat on the group?" of the 2008 slides)
                          which_areas=(chosen is None and not documents
                                       and bool(vocabulary().which_areas.search(query))),
                          # "the recovery pilots" name no "Recovery" strand, and an area's
                          # name no section ("Ashcombe Community Safety Partnership > …")
                          terms=frozenset(content_terms(rest)
                                          - self._documents.title_phrase_words(query)),
                          section_names=reference.names, section_about=reference.about,
                          section_placed=reference.placed,
                          # "under its Prevention priority" names a section; it does not ask
                          # for aims
                          kinds=kinds,
                          defined=_word(term), spelled=spelled, strategy_words=synonyms,
                          whole_section=whole_section,
                          # "Which of the outcomes is about…?" asks for one of them
                          listing=whole_section or (wants_list(query) and not item),
                          item_asked=item,
                          list_nouns=asked_nouns(query) if self._settings.named_lists
                          else frozenset(),
                          list_terms=frozenset(content_terms(query)),
                          period_documents=tuple(period), outline_documents=tuple(outline),
                          held_documents=tuple(held),
                          status_asked=bool(vocabulary().status_questions.search(query)),
                          searched_as_one=per_area and len(chosen or self._resolver.keys)
                          > ALL_AREAS_MAX)
