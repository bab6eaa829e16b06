"""Small text helpers shared by answering, refusal checks and evaluation."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

import Stemmer

from kb.records import Chunk, DocumentInfo
from kb.vocabulary import vocabulary

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our ours out over own same she should so
    some such than that the their theirs them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you
    your yours tell say says said give gives list show explain describe does do anything any
    there whether although though unless whereas don doesn didn isn aren wasn weren won
    couldn shouldn wouldn haven hasn hadn mustn needn ll ve re fewer fewest among amongst
    within across towards toward upon onto throughout via whilst something someone somebody
    anyone anybody somewhere anywhere""".split()
)  # (the prepositions past "fewest" place or relate what they join and name no topic, as
#  "between" and "against" do: "stalking among young people" is about stalking; the five
#  from "whether" join clauses, as "if" and "because" do: they name no topic; the
#  next are what a negative's or a contraction's apostrophe leaves: "don't" is "don" and "t";
#  "fewer" and "fewest" count, as "few", "more" and "most" do: "fewer people" is no compound;
#  the last, indefinite pronouns, name nothing: "offer something for families" is about offers)
# An apostrophe ends a word, the straight one as the curly one does: "what's" is "what"
# (a stopword) and "s", not a term "what" that no passage holds.
_WORD = re.compile(r"[a-z0-9][a-z0-9&+-]*")


_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball (Porter 2) stem of a lower-case word; numbers pass through unchanged (cached:
    a corpus repeats its words, and ingest tokenizes every chunk twice)."""
    return word if any(c.isdigit() for c in word) else str(_STEMMER.stemWord(word))


def tokenizer_version() -> str:
    """The version of `terms` a store's word index is written with (2: hyphenated compounds
    split; 3: open compounds closed, with the vocabulary's list of them, which a corpus may
    extend; 4: a straight apostrophe ends a word; 5: an acronym's plural is the acronym; 6:
    words that join clauses, "whether" and "unless", are stopwords of the stored terms; 7: so
    are what a contraction's apostrophe leaves, "don" and "ll"; 8: "fewer" and "fewest"; 9:
    prepositions that relate what they join, "among" and "within"; 10: pronouns that name
    nothing, "something" and "anyone")."""
    listed = vocabulary().compounds.pattern.encode()
    return f"10:{hashlib.sha256(listed).hexdigest()[:12]}"


def _closed(text: str) -> str:
    """Lower-case text with the vocabulary's open and hyphenated compounds written closed
    ("front line" and "front-line" read "frontline")."""
    return vocabulary().compounds.sub(lambda m: re.sub(r"[\s-]+", "", m.group()), text)


def terms(text: str, stopwords: frozenset[str] = STOPWORDS) -> list[str]:
    """The stemmed words of a text in order, without stopwords or markup: the one tokenizer
    that BM25, idf and every term match share (BM25 drops fewer stopwords, since its own
    weights discount common words and "will" or "what" can matter there)."""
    return [stem(word) for word in _words(text, stopwords)]


# "GPs", "DHRs", "IDVAs": an acronym's plural, which the stemmer keeps whole when no vowel
# comes before its "s" ("gps" is not "gp")
ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")


def singular_acronyms(text: str) -> str:
    """The text with each acronym's plural written as the acronym ("GPs" as "GP")."""
    return ACRONYM_PLURAL.sub(r"\1", text)


def _words(text: str, stopwords: frozenset[str] = STOPWORDS) -> list[str]:
    """The lower-case words that `terms` stems, in order."""
    out = []
    for word in _WORD.findall(_closed(singular_acronyms(plain(text)).lower())):
        word = word.strip("-")
        # a hyphenated compound is its parts ("honour-based" matches "honour based"), unless
        # the vocabulary writes it closed
        pieces = word.split("-")
        if not all(piece.isalpha() for piece in pieces):  # "2019-24", "16-year-olds"
            pieces = [word]
        out += [p for p in pieces if p not in stopwords and len(p) > 1]
    return out


_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def compound_parts(text: str) -> list[frozenset[str]]:
    """The terms of each hyphenated compound of a text that has two or more ("honour-based":
    honour and base; not "front-line", which the vocabulary writes closed): one concept,
    which a text that holds only one of them ("community based support") does not name."""
    found = (frozenset(terms(match.group())) for match in _HYPHENATED.finditer(text))
    return [parts for parts in found if len(parts) > 1]


def rarest(terms: Iterable[str], idf: Mapping[str, float]) -> str:
    """The term of highest idf (the first in order of equals; '' for none): the most specific."""
    return max(sorted(terms), key=lambda t: idf.get(t, 0.0), default="")


def whole_compounds(shared: AbstractSet[str], held: AbstractSet[str],
                    compounds: Iterable[frozenset[str]],
                    idf: Mapping[str, float] | None = None) -> set[str]:
    """The `shared` terms less the words of each compound (`compound_parts`) that `held`, a
    text's terms, holds only some of: "social media based resources" shares nothing of
    "honour-based". With `idf`, the compound's rarest word still counts on its own ("izzat
    (honour)" names the honour of "honour-based")."""
    out = set(shared)
    for parts in compounds:
        if not parts <= held:
            out -= parts - {rarest(parts, idf)} if idf else parts
    return out


def word_forms(text: str) -> dict[str, set[str]]:
    """Each term of a text with the words it stands for there, plurals as their singular:
    a stem joins words that are not one ("employers" and "employment" are both 'employ')."""
    out: dict[str, set[str]] = {}
    for word in _words(text):
        out.setdefault(stem(word), set()).add(singular(word))
    return out


STEM_ONLY_WEIGHT = 0.5  # a text's word that shares only its stem with the asked word


def shared_weight(shared: set[str], idf: Mapping[str, float],
                  asked: Mapping[str, set[str]] | None, text: str) -> float:
    """The idf weight of the terms a text shares with a question or theme, each counting
    STEM_ONLY_WEIGHT where none of the text's words for it is one of the `asked` words for it
    (`word_forms` of the question; None: every shared term counts whole)."""
    if not asked or not shared:
        return idf_weight(shared, idf)
    forms = word_forms(text)
    other = {t for t in shared if t in asked and not forms.get(t, set()) & asked[t]}
    return idf_weight(shared - other, idf) + STEM_ONLY_WEIGHT * idf_weight(other, idf)


def shared_prefix(one: Sequence[object], other: Sequence[object]) -> int:
    """How many items two sequences share from their start: letters of two words
    ("pharmacists", "pharmacy": 7), headings of two section paths."""
    return next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
                min(len(one), len(other)))


def singular(word: str) -> str:
    """A lower-case plural as its singular ("priorities": priority, "approaches": approach);
    any other word as it is."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=32)
def word_list_terms(words: frozenset[str]) -> frozenset[str]:
    """The stemmed terms of a vocabulary word list (question scaffolding, section nouns),
    each word read on its own, worked out once per list."""
    return frozenset(term for word in words for term in content_terms(word))


# A word in half the passages or more ("domestic", "abuse" in a store of domestic-abuse
# strategies) is the corpus's subject: it says nothing of what a question or theme that has
# other words is about. ln(1 + 2): the idf of such a word, with `IdfTable`'s smoothing.
SUBJECT_IDF = math.log(3)


def is_subject_term(term: str, idf: Mapping[str, float]) -> bool:
    """The term is one of the corpus's subject words (`SUBJECT_IDF`); a term the corpus does
    not hold is none."""
    return term in idf and idf[term] <= SUBJECT_IDF


class IdfTable(dict[str, float]):
    """Smoothed inverse document frequency of each content term over n chunks,
    ln(1 + n / df). A term the corpus does not hold weighs as one held by a single chunk
    (`unseen`): nothing is more specific ("potholes" in a question about the strategies)."""

    def __init__(self, weights: Mapping[str, float], chunks: int) -> None:
        super().__init__(weights)
        self.unseen = math.log(1 + max(chunks, 1))


def idf_weight(words: Iterable[str], idf: Mapping[str, float]) -> float:
    """The summed idf weight of content terms: how much of a question or theme they carry (a
    term the corpus does not hold weighs as the rarest would, see `IdfTable`; 1.0 in a plain
    mapping). Summed exactly (`math.fsum`), so a set's weight is the same whatever order a
    process's string hashing lists it in: an item holding every theme word weighs exactly as
    much as the theme, and ties break by rank, not by rounding."""
    unseen = idf.unseen if isinstance(idf, IdfTable) else 1.0
    return math.fsum(idf.get(t, unseen) for t in words)


def typed_words(text: str, among: set[str]) -> list[str]:
    """The words of a text as typed ("fly-tipping", "potholes"), once each and in order, whose
    terms all lie in `among`: how to name a set of terms to an officer."""
    return list(dict.fromkeys(word for word in re.findall(r"[\w'’-]+", text)
                              if (found := content_terms(word)) and found <= among))


def content_terms(text: str) -> set[str]:
    """The distinct stemmed words of a text (see `terms`)."""
    return set(terms(text))


_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def prose_terms(text: str) -> set[str]:
    """The distinct stemmed words of a text but those of its links: the words of a web address
    ("…/developing-and-reviewing-online-courses…") say nothing the sentence does."""
    return content_terms(_LINK.sub(" ", text))


def quote_words(quote: str) -> str:
    """A quote's words, lower case, with its punctuation and bullet marks aside: what tells a
    repeat ("- X" in a summary, "X" in a table) from a new item."""
    return " ".join(re.findall(r"\w+", quote.lower()))


# Numbers in words, as officers and documents write them ("Priority Two", "the second year")
NUMBER_WORDS = {word: str(n) for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
ORDINAL_WORDS = {word: str(n) for n, word in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}
# A footnote's number as documents set it ("… per annum ¹"), and the digits written so
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
HTML_TAG = re.compile(r"<[^>]{1,200}>")
POSSESSIVE = re.compile(r"['’]s\b")  # "Clare’s", "Women's"
# A list item's marker: a bullet sign, "1." / "2)" / "4.1 -" / "(a)" / "iv." / an action's reference
# before a capital ("A1 Deliver…", "B3. Fund…") and the space after it.
BULLET = re.compile(r"^\s*([-•●▪◦*–]\s+|\(?\d{1,2}(\.\d{1,2})*([.)]|\s+[-–])\s+|\(?([a-z]|[ivx]{2,5})[.)]\s+"
                    r"|[A-Z]\d{1,2}\.? +(?=[A-Z]))")
# Where a sentence ends: after . ! ? (and closing quotes, brackets, emphasis or a footnote's
# number), before a capital, digit, quote, bracket or bullet; not after an item number
# ("2. Awareness", "10. Reporting") nor after an abbreviation that a name or example follows
# ("e.g. A&E", "Dr. Patel"). A fixed list, as a library splitter keeps one: fixed-width
# look-behinds need no dependency for the few that council documents use.
_NO_END_AFTER = ("e.g.", "i.e.", "E.g.", "I.e.", " Dr.", " Mr.", " Ms.", "Mrs.", "Cllr.",
                 "Prof.", " St.", " No.")
SENTENCE_END = re.compile("".join(f"(?<!{re.escape(a)})" for a in _NO_END_AFTER)
                          + r"(?<!^\d\.)(?<!\s\d\.)(?<!^\d\d\.)(?<!\s\d\d\.)"
                          rf"(?<=[.!?\]])['\"”’)*{SUPERSCRIPT_DIGITS}]*\s+(?=[A-Z0-9“\"'(•*-])")
# The page number that ends a line of a contents page under its "Contents" heading
# ("1. Introduction 2", "Our aims ..... 4"): after a word, not after a figure
CONTENTS_ENTRY = re.compile(r"(?<=[^\d\s])(?:\s*\.{2,}\s*|\s+)\d{1,3}$")
LEAD_IN = re.compile(r":\s*[-–]?\s*$")  # a line that introduces a list ("... outcomes:")
# "Priority One:", "PRIORITY 2 –", "Theme C", "Outcome iv": a noun and the number of its item
NUMBERED_ITEM = re.compile(r"\s*([a-z]+)\s+(\d{1,2}|[ivx]{1,4}|[a-h]|one|two|three|four|five|six|"
                           r"seven|eight|nine|ten)\b", re.IGNORECASE)
EMPHASIS = re.compile(r"\*{1,3}|_{2,}")


_HEADING_MARK = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")  # "## Priority 2" (a Word heading as read)
# … and the whole heading line, its title the group
MARKED_HEADING = re.compile(_HEADING_MARK.pattern + r"(\S.*?)[ \t]*$")


def readable(quote: str) -> str:
    """A quote as an answer, table or paper shows it: on one line, without the markdown marks
    that a Word document's headings carry in its extracted text ("## Priority 2: …"). The
    citation keeps the quote as extracted, where its offsets point."""
    return " ".join(_HEADING_MARK.sub("", quote).split())


def labelled_row(row: str, header: str) -> str:
    """A table row with its cells named by the table's header row: "Staff trained\t60\t400"
    under "Measure\tBaseline 2021/22\tTarget 2025/26" reads "Staff trained (Baseline 2021/22:
    60; Target 2025/26: 400)". A header without a label for the first column (one cell fewer
    than the row) names the rest; the row as it is when the two do not line up, or when it is
    the header itself."""
    cells = [cell.strip() for cell in row.strip().split("\t")]
    heads = [head.strip() for head in header.strip().split("\t")]
    if len(heads) == len(cells):
        heads = heads[1:]
    if len(cells) < 2 or len(heads) != len(cells) - 1 or row.strip() == header.strip():
        return row
    named = "; ".join(f"{head}: {cell}" if head else cell
                      for head, cell in zip(heads, cells[1:], strict=True) if cell)
    return f"{cells[0]} ({named})" if named else cells[0]


def plain(text: str) -> str:
    """Text with HTML tags and markdown emphasis removed (for matching and indexing only)."""
    return " ".join(EMPHASIS.sub("", HTML_TAG.sub(" ", text)).split())


def embedding_text(chunk: Chunk, info: DocumentInfo) -> str:
    """What the embedder and BM25 see: area, kind and period of the document, the section
    path, the table header or list lead-in, then the chunk without markup. (The full title,
    repeated in every chunk, measured worse on the eval set than this short prefix.)"""
    parts = [f"{info.area} {info.kind} {info.period}", chunk.section.replace(" > ", " / "),
             plain(chunk.lead), plain(chunk.text)]
    return "\n".join(p for p in parts if p)
