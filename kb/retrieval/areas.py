"""Areas named in a question, by name or alias (aliases live in the corpus manifest)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kb.manifest import Area

_PLACES = r"(areas?|count(y|ies)|councils?|partnerships?|strateg(y|ies)|plans?|documents?|places?)"
ALL_AREAS = re.compile(
    rf"\b(compare|comparison|(each|every|both|all|either) (of )?(the )?((two|three|four|five) )?"
    rf"{_PLACES}|across (the )?((two|three|four|five) )?{_PLACES}|"
    rf"the (two|three|four|five) {_PLACES}|all (two|three|four|five)|"
    r"the (areas|counties|councils|partnerships)(?! of)|"
    r"(differ|difference|similar)\w*|side by side|in common)\b",
    re.IGNORECASE,
)


class AreaResolver:
    """Finds area keys in text from the manifest's aliases and the stored area keys."""

    def __init__(self, areas: dict[str, Area], stored: Iterable[str]) -> None:
        """Build alias patterns; stored areas without a manifest entry match by their key."""
        self.keys = sorted(set(areas) | set(stored))
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        for key in self.keys:
            names = {key.replace("-", " "), *(areas[key].aliases if key in areas else ())}
            if key in areas:
                names.add(areas[key].name)
            for name in sorted(names, key=len, reverse=True):
                flags = 0 if name.isupper() else re.IGNORECASE  # "SET" only as capitals
                self._patterns.append(
                    (key, re.compile(rf"\b{re.escape(name)}\b(['’]s\b)?", flags)))

    def mentioned(self, text: str) -> list[str]:
        """Area keys named in the text, in order of first mention."""
        found: dict[str, int] = {}
        for key, pattern in self._patterns:
            match = pattern.search(text)
            if match and (key not in found or match.start() < found[key]):
                found[key] = match.start()
        return sorted(found, key=found.__getitem__)

    def wants_all(self, text: str) -> bool:
        """True when the question asks about every area ("compare", "each county"...)."""
        return bool(ALL_AREAS.search(text))

    def remove(self, text: str, key: str) -> str:
        """The text with every alias of an area removed (for rewriting follow-ups)."""
        for pattern_key, pattern in self._patterns:
            if pattern_key == key:
                text = pattern.sub("", text)
        return " ".join(text.split())

    def topic(self, text: str) -> str:
        """The text without area names and comparison cues: what is being compared."""
        for key in self.mentioned(text):
            text = self.remove(text, key)
        return " ".join(ALL_AREAS.sub(" ", text).split())
