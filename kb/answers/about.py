"""Whether the top passages are about a question's topic: `passage_about`, which
`kb.answers.refusal` asks of a question with a topic word the strategies never use
("potholes"), and the topic's terms and the weight of those a passage holds, which the value
checks of `kb.answers.answer_type` weigh too."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from kb.records import Hit
from kb.retrieval.headings import numbered_references
from kb.text import content_terms, idf_weight, word_list_terms
from kb.text import terms as text_terms
from kb.vocabulary import vocabulary

HITS_CHECKED = 5  # the top passages read
# A question with a topic word the strategies never use: one of the top passages holds a
# quarter of its topic's weight or is this similar to it (`passage_about`). Set on tune
# questions q531-q539 (off-topic: bins, potholes, parking permits) against the tune
# answerable ones: paraphrases that hold under a quarter of their topic's words score
# 0.40-0.49, the off-topic questions' best passages 0.16-0.36.
TOPIC_SHARE = 0.25
TOPIC_SIMILARITY = 0.4


def passage_about(topic: set[str], hits: Sequence[Hit], idf: Mapping[str, float],
                  glossary: Mapping[str, Collection[str]] | None = None) -> bool:
    """Whether one of the top passages is about the topic: it holds TOPIC_SHARE of the
    topic's idf weight (with its title, headings and list lead-in; an acronym also as its long
    form; a word the corpus does not hold weighs as the rarest, `kb.text.IdfTable`) or is
    TOPIC_SIMILARITY similar to the question, as a paraphrase is.

    Args:
        topic: the question's topic terms (`topic_terms`).
        hits: the retrieved hits, best first.
        idf: term weights.
        glossary: acronyms and their long forms.
    """
    total = idf_weight(topic, idf)
    spelled = acronym_long_forms(topic, glossary or {})
    return any(held_weight(topic, hit, idf, spelled) >= TOPIC_SHARE * total
               or hit.similarity >= TOPIC_SIMILARITY for hit in hits[:HITS_CHECKED])


def topic_terms(topic: str) -> set[str]:
    """The terms of a question's topic (its area names already out) that say what it is about:
    not the words that ask for a kind of value ("how many", "budget"), not scaffolding
    ("strategy", "approach") nor section nouns ("priority", "strand") and the numbers that
    call one ("its fourth priority")."""
    words = vocabulary()
    return (content_terms(topic) - word_list_terms(words.value_words)
            - word_list_terms(words.scaffolding)
            - word_list_terms(words.section_nouns)
            # nor the number a section is called by ("its fourth priority")
            - content_terms(" ".join(numbered_references(topic))))


LongForms = Mapping[str, list[tuple[str, ...]]]  # an acronym's term -> its long forms' terms
LONG_FORM_GAP = 2  # a long form is spelled out with at most this many other words among its own


def acronym_long_forms(terms: set[str], glossary: Mapping[str, Collection[str]]
                       ) -> dict[str, list[tuple[str, ...]]]:
    """The terms of each long form of the topic's acronyms, in order, by the acronym's term."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for acronym, forms in glossary.items():
        for term in content_terms(acronym) & terms:
            out.setdefault(term, []).extend(tuple(text_terms(form)) for form in forms)
    return out


def held_weight(terms: set[str], hit: Hit, idf: Mapping[str, float],
                long_forms: LongForms) -> float:
    """The idf weight of the terms a hit holds, with its title, period, headings and list
    lead-in (an acronym also where it spells out its long form)."""
    text = f"{hit.title} {hit.period} {hit.section} {hit.lead} {hit.text}"
    return idf_weight(held_terms(terms, text, long_forms), idf)


def held_terms(terms: set[str], text: str, long_forms: LongForms) -> set[str]:
    """The terms a text holds, an acronym also where the text spells out its long form: its
    words in order, LONG_FORM_GAP other words at most among them ("independent sexual
    violence advisers" and "domestic" a sentence later spell out no IDVA)."""
    words = text_terms(text)
    held = set(words)
    return {t for t in terms
            if t in held or any(_spelled_out(form, words) for form in long_forms.get(t, ()))}


def _spelled_out(form: tuple[str, ...], words: Sequence[str]) -> bool:
    """The form's terms occur in order in the words, with at most LONG_FORM_GAP others
    among them."""
    if not form:
        return False
    for start, word in enumerate(words):
        if word != form[0]:
            continue
        at, gaps = start, 0
        for term in form[1:]:
            try:
                found = words.index(term, at + 1, at + 2 + LONG_FORM_GAP - gaps)
            except ValueError:
                break
            gaps += found - at - 1
            at = found
        else:
            return True
    return False
