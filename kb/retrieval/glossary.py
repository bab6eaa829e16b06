"""Acronyms mined from the documents themselves: glossary lines, tables and inline definitions.

Patterns (none tied to one file): "MARAC - Multi Agency Risk Assessment Conference – ...",
"IDVA<TAB>Independent Domestic Violence Advisor" (also two pairs per table row), and inline
"Independent Domestic Violence Adviser (IDVA)" where the initials match the acronym.

A council may write an acronym that no indexed document defines ("Review of DAPO use") while
another spells out the name it stands for ("Use Domestic Abuse Protection Orders in every
eligible case"). Each chunk's capitalised phrases are kept by their initials (`spelled_out`),
and an acronym written somewhere and defined nowhere takes the one phrase that spells it
(`spelled_acronyms`): one only, so that initials two names share ("Domestic Abuse
Co-ordinators", "Domestic Abuse Communities") stand for neither.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

from kb.retrieval.english import dictionary
from kb.text import POSSESSIVE

ACRONYM = r"[A-Z][A-Za-z&+/]*[A-Z+]s?"
_DASH_LINE = re.compile(rf"^\s*[-•*]?\s*({ACRONYM})\s*(?:\([^)]*\))?\s+[-–—:]\s+(.+)$")
_INLINE = re.compile(rf"((?:[A-Z][\w'’-]*[\s,&-]+(?:(?:and|of|for|the|in|on|to)\s+)*)+?)\(({ACRONYM})\)")
_STOP = {"and", "of", "for", "the", "in", "on", "to", "&"}


# A run of capitalised words, with the lower-case linking words between them ("Crime and
# Disorder Reduction Partnerships"); a capitalised one ("Parents And Children Together") is an
# initial of its own, as in PACT
_LINKS = "|".join(map(re.escape, sorted(_STOP)))
_TITLE_RUN = re.compile(rf"(?<![\w'’-])[A-Z][a-z][\w'’-]*"
                        rf"(?:(?:\s+(?:{_LINKS}))*\s+[A-Z][a-z][\w'’-]*)+")
SPELLED_INITIALS = (3, 8)  # the initials of a phrase kept as a possible acronym's, at least / most


def is_acronym(word: str, acronyms: Collection[str]) -> bool:
    """The word is a known acronym, or its plural or possessive ("IDVAs", "the PCC's")."""
    word = POSSESSIVE.sub("", word)
    return word in acronyms or word.removesuffix("s") in acronyms


def _long_form(text: str) -> str:
    """The definition up to its first explanatory clause."""
    head = re.split(r"\s+[–—-]\s+|\s+\(|[.;]\s", text.strip(" -–"), maxsplit=1)[0]
    return " ".join(head.split()[:10]).strip(" ,-–")


def _initials_match(acronym: str, words: list[str]) -> bool:
    letters = [w[0].upper() for w in words if w.lower() not in _STOP and w[:1].isalpha()]
    target = re.sub(r"[^A-Z]", "", acronym.upper().rstrip("S")) or acronym.upper()
    return "".join(letters).startswith(target[:2]) and len(letters) >= len(target) - 1


def _valid(acronym: str, long_form: str) -> bool:
    """Plausible pair: the acronym's capitals appear, in order, among the long form's initials."""
    upper = sum(c.isupper() for c in acronym)
    if not (2 <= len(acronym) <= 10 and upper >= 2 and 1 < len(long_form.split()) <= 12):
        return False
    initials = iter(w[0].upper() for w in re.split(r"[\s/-]+", long_form) if w[:1].isalpha())
    return all(letter in initials for letter in re.sub(r"[^A-Z]", "", acronym))


def mine_glossary(texts: Iterable[str]) -> dict[str, set[str]]:
    """Acronym -> long forms found in the texts.

    Args:
        texts: document or chunk texts.

    Returns:
        A mapping from each acronym (as written) to its long forms.
    """
    found: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for line in text.split("\n"):
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            if len(cells) >= 2:
                for acronym, meaning in zip(cells[::2], cells[1::2], strict=False):
                    long_form = _long_form(meaning)
                    if re.fullmatch(ACRONYM, acronym) and _valid(acronym, long_form):
                        found[acronym].add(long_form)
                continue
            match = _DASH_LINE.match(line)
            if match and _valid(match.group(1), _long_form(match.group(2))):
                found[match.group(1)].add(_long_form(match.group(2)))
        for match in _INLINE.finditer(text):
            acronym = match.group(2)
            words = match.group(1).replace(",", " ").split()
            target = len(re.sub(r"[^A-Z]", "", acronym))
            content = [w for w in words if w.lower() not in _STOP]
            tail = words[-(target + 3):] if content else []
            while tail and not _initials_match(acronym, tail):
                tail = tail[1:]
            if tail and tail[0].lower() not in _STOP and _valid(acronym, " ".join(tail)):
                found[acronym].add(" ".join(tail))
    return dict(found)


_WRITTEN = re.compile(r"(?<![\w'’-])([A-Z][A-Z&+/]*[A-Z])s?(?![\w'’-])")


def written_acronyms(text: str) -> set[str]:
    """The words of the text written in capitals, as an acronym is ("DAPO", "DVPNs": DVPN),
    of at least the least SPELLED_INITIALS letters."""
    return {word for word in _WRITTEN.findall(text) if len(word) >= SPELLED_INITIALS[0]}


def spelled_out(text: str) -> dict[str, set[str]]:
    """The text's capitalised phrases by their initials: the parts of a run of capitalised
    words that end where it does or before one of its lower-case linking words, with
    SPELLED_INITIALS initials ("Use Domestic Abuse Protection Orders" holds "Domestic Abuse
    Protection Orders", DAPO; "Parents And Children Together and the Crime and Disorder
    Reduction Partnerships" holds PACT and CDRP)."""
    found: dict[str, set[str]] = defaultdict(set)
    least, most = SPELLED_INITIALS
    for run in _TITLE_RUN.finditer(text):
        words = run.group().split()
        ends = [end for end in range(1, len(words) + 1)
                if end == len(words) or (words[end] in _STOP and words[end - 1] not in _STOP)]
        for end in ends:
            for start in range(end):
                phrase = words[start:end]
                initials = [w[0] for w in phrase if w not in _STOP]
                if phrase[0].lower() not in _STOP and least <= len(initials) <= most:
                    found["".join(initials)].add(" ".join(phrase))
    return dict(found)


def spelled_acronyms(phrases: dict[str, set[str]], defined: Collection[str]
                     ) -> dict[str, set[str]]:
    """Of the initials that the documents write as an acronym (`phrases`: initials -> the
    phrases that spell them, `spelled_out`; `written_acronyms`), those defined nowhere
    (`defined`), each with the one phrase that spells it; an English word ("RAP") is no
    acronym, and initials that several names share stand for none."""
    found: dict[str, set[str]] = {}
    for initials, forms in phrases.items():
        if (initials in defined or f"{initials}s" in defined
                or dictionary().known([initials.lower()])):
            continue
        if len({_plain(form) for form in forms}) == 1:
            shortest = min(forms, key=lambda f: (len(f), f))
            found[initials] = {re.sub(r"['’]s?$", "", shortest)}
    return found


def _plain(phrase: str) -> str:
    """A phrase as one name, whatever its number, possessive or article ("The Domestic Abuse
    Strategic Board", "Domestic Abuse Strategic Boards")."""
    plain = re.sub(r"['’]s?$|s$", "", phrase.lower())
    return plain.removeprefix("the ")


@lru_cache(maxsize=4096)
def _as_written(acronym: str) -> re.Pattern[str]:
    """The acronym as a word of its own, as written (not inside "MARAC-led" or "IDVAs")."""
    return re.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])")


def expand_query(query: str, glossary: dict[str, set[str]]) -> tuple[str, str]:
    """The query with long forms for the acronyms it writes and acronyms for the long forms
    it spells out; and the query with only those acronyms (one pass over the glossary).

    Args:
        query: the officer's words.
        glossary: acronym -> long forms.

    Returns:
        (fully expanded, acronyms only): each the query followed by its expansions (the
        original words stay first).
    """
    extra: list[tuple[str, bool]] = []  # (expansion, is a long form)
    lowered = query.lower()
    for acronym, forms in glossary.items():
        if _as_written(acronym).search(query) or (
            len(acronym) >= 4 and re.search(rf"\b{re.escape(acronym.lower())}\b", lowered)
        ):
            extra.extend((form, True) for form in sorted(forms)[:2])
        elif any(form.lower() in lowered for form in forms):
            extra.append((acronym, False))
    return (followed_by(query, [word for word, _ in extra]),
            followed_by(query, [word for word, long_form in extra if not long_form]))


def followed_by(query: str, expansions: Sequence[str]) -> str:
    """The query with its expansions after it in brackets ("IDVA services (Independent
    Domestic Violence Adviser)"); the query itself when there are none."""
    return query if not expansions else f"{query} ({'; '.join(dict.fromkeys(expansions))})"


def spellings(text: str, glossary: dict[str, set[str]]) -> list[str]:
    """The text as written, then written with an acronym in place of each long form it spells
    out, or with a long form in place of each acronym it writes: the ways a document may word
    the same theme ("learning from domestic homicide reviews", "learning from DHRs")."""
    found = [text]
    lowered = text.lower()
    for acronym, forms in glossary.items():
        spelled = next((f for f in sorted(forms) if f.lower() in lowered), None)
        if spelled:
            at = lowered.index(spelled.lower())
            found.append(f"{text[:at]}{acronym}{text[at + len(spelled):]}")
        elif _as_written(acronym).search(text):
            found.append(_as_written(acronym).sub(sorted(forms)[0].replace("\\", "\\\\"), text))
    return list(dict.fromkeys(found))
