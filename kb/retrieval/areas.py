"""Areas named in a question, by name or alias: the manifest's areas and those new documents
named themselves (ingest.metadata)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from kb.errors import UnknownAreaError
from kb.manifest import Area
from kb.records import DocumentInfo
from kb.vocabulary import vocabulary


def name_pattern(name: str) -> str:
    """A regex for a place name as officers write it: any spacing or hyphens between words,
    "&" or "and" ("Telford & Wrekin", "Stoke on Trent", "Brighton and Hove")."""
    words = [w for w in re.split(r"[\s\-–]+", name.strip()) if w]
    parts = ["(?:&|and)" if w.lower() in {"&", "and"} else re.escape(w) for w in words]
    return r"[\s\-–]+".join(parts)


_OWNER = r"\b(['’]s\b)?"  # a name ends a word, perhaps with a possessive
# Where officers shorten a joined place name to its first part: "Telford & Wrekin" -> Telford,
# "Brighton and Hove" -> Brighton, "Stoke-on-Trent" -> Stoke, "Newcastle upon Tyne" -> Newcastle
_JOINED = re.compile(r"\s*(?:,|&|\band\b|\bwith\b|\bupon\b|-on-|\bon\b)\s*", re.IGNORECASE)


def short_form(name: str) -> str:
    """The first part of a joined place name ("Telford" of "Telford & Wrekin"), '' when the
    name is not joined or its first part is not a capitalised word of three letters or more."""
    first = _JOINED.split(name.strip(), maxsplit=1)[0].strip()
    joined = first != name.strip()
    return first if joined and re.fullmatch(r"[A-Z][\w'’.-]{2,}(?: [A-Z][\w'’.-]+)*", first) else ""
# "Every area" means every area up to this many: a comparison, search or coverage matrix over
# more (a store of hundreds of councils) is bounded in cost and names its areas instead.
ALL_AREAS_MAX = 12
# "… compare with / to / against <something>": what is set against what
_COMPARED_WITH = re.compile(r"\bcompar\w*\s+(?:with|to|against)\s+([^,;:?.!]+)", re.IGNORECASE)
_EACH_OTHER = re.compile(r"\b(each other|one another)\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _with_council(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """An area name's pattern taking in the council after it: the council is the area (a
    partnership or board is a body of its own, whose name a question may need the evidence to
    hold). Compiled only for areas a question names, so a store of many areas opens fast."""
    councils = "|".join(name_pattern(b) for b in vocabulary().council_bodies if b.endswith("council"))
    name = pattern.pattern.removesuffix(_OWNER)
    return re.compile(rf"{name}(?i:\s+(?:{councils}))?{_OWNER}", pattern.flags)


def known_areas(manifest_areas: Mapping[str, Area], documents: Iterable[DocumentInfo]) -> dict[str, Area]:
    """The manifest's areas plus those the stored documents named themselves (see
    ingest.metadata): a new council is understood in questions the moment it is indexed."""
    areas = dict(manifest_areas)
    for doc in documents:
        if doc.area in areas or not doc.area_name:
            continue
        areas[doc.area] = Area(doc.area, doc.area_name, doc.area_aliases)
    return areas


class AreaResolver:
    """Finds area keys in text from the manifest's aliases and the stored area keys."""

    def __init__(self, areas: dict[str, Area], stored: Iterable[str]) -> None:
        """Build alias patterns; stored areas without a manifest entry match by their key."""
        self.keys = sorted(set(areas) | set(stored))
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        names_of = {key: {key.replace("-", " "), *(areas[key].aliases if key in areas else ()),
                          *([areas[key].name] if key in areas else [])} for key in self.keys}
        # a joined name's first part names the area too, where no other area is called by it
        # ("Telford" for Telford & Wrekin; not "Kingston" where two Kingstons are indexed)
        shorts = {key: {s for n in names if (s := short_form(n))} for key, names in names_of.items()}
        taken = Counter(n for key in self.keys
                        for n in {n.lower() for n in shorts[key] | names_of[key]})
        # the words areas are named by, to read a misspelt one as (kb.retrieval.typos)
        self.name_words = frozenset(word for names in names_of.values() for name in names
                                    for word in re.findall(r"[a-z]+", name.lower()))
        for key in self.keys:
            names = names_of[key] | {s for s in shorts[key] if taken[s.lower()] == 1}
            for name in sorted(names, key=len, reverse=True):
                flags = 0 if name.isupper() else re.IGNORECASE  # "SET" only as capitals
                self._patterns.append((key, re.compile(rf"\b{name_pattern(name)}{_OWNER}", flags)))

    def mentioned(self, text: str) -> list[str]:
        """Area keys named in the text, in order of first mention."""
        found: dict[str, int] = {}
        for key, pattern in self._patterns:
            match = pattern.search(text)
            if match and (key not in found or match.start() < found[key]):
                found[key] = match.start()
        return sorted(found, key=found.__getitem__)

    def keys_for(self, given: Sequence[str]) -> list[str]:
        """The area keys of areas given by key or by name ("telford" for "telford-and-wrekin",
        "Bucks"), in order, each once.

        Raises:
            UnknownAreaError: one names no area, or several: an empty cell for it would say
                that the area's strategy holds nothing on the question.
        """
        keys: list[str] = []
        for area in given:
            named = [area] if area in self.keys else self.mentioned(area)
            if len(named) != 1:
                raise UnknownAreaError(f"no area is called {area!r}; the areas are "
                                       f"{', '.join(self.keys) or 'none yet'}")
            keys.append(named[0])
        return list(dict.fromkeys(keys))

    def wants_all(self, text: str) -> bool:
        """True when the question asks about every area ("compare", "each county"...).

        "How does that compare with other violent crime?" sets one figure against another,
        not the areas against each other: a comparison with something that is no area
        ("… compared with last year") does not ask about every area."""
        for match in _COMPARED_WITH.finditer(text):
            against = match.group(1)
            if not (self.mentioned(against) or vocabulary().all_areas.search(against)
                    or vocabulary().other_areas.search(against) or _EACH_OTHER.search(against)):
                text = text.replace(match.group(0), " ")
        return bool(vocabulary().all_areas.search(text))

    def against_the_rest(self, text: str) -> list[str]:
        """The areas a question asks about: those it names, and when it names one and sets it
        against the rest ("... compare with the others?"), every other area after it."""
        named = self.mentioned(text)
        if len(named) == 1 and vocabulary().other_areas.search(text):
            return [*named, *(key for key in self.keys if key not in named)]
        return named

    def remove(self, text: str, key: str, replacement: str = "") -> str:
        """The text with every alias of an area replaced (removed by default), with the
        council it names ("Oxfordshire County Council's strategy")."""
        for pattern_key, pattern in self._patterns:
            if pattern_key == key:
                text = _with_council(pattern).sub(replacement, text)
        return " ".join(text.split())

    def without_names(self, text: str, replacement: str = "") -> str:
        """The text with every area it names replaced (removed by default)."""
        for key in self.mentioned(text):
            text = self.remove(text, key, replacement)
        return text

    def topic(self, text: str) -> str:
        """The text without area names and comparison cues: what is being compared."""
        text = vocabulary().all_areas.sub(" ", self.without_names(text))
        return " ".join(vocabulary().other_areas.sub(" ", text).split())
