"""A document's metadata from the document itself: the council it belongs to, its title, period,
status and kind, read from its title page, its text and its declared properties.

Officers add strategies the manifest has never heard of. What the file says about itself is
the best evidence of what it is; the file name is the last resort. Each decision keeps its
reason, which the ingest report prints so that an officer can correct it (`--area`...).

Order of precedence, field by field: the officer's overrides, the manifest entry, the
document, the file name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kb.manifest import UNASSIGNED, Area, Manifest, area_key, doc_id_for, period_from_name, title_from_name
from kb.records import DocumentInfo, Page
from kb.text import BULLET
from kb.vocabulary import vocabulary

TITLE_PAGE_CHARS = 2_500  # the opening of the text that plays the title page's part
MIN_MENTIONS = 2  # a council named once in passing is not the document's own
MIN_NAMED = 3  # a known area named this often, and twice as often as any other, is the document's

_JOINERS = ("and", "&", "upon", "on", "in", "with")  # words inside a place's name
_WORD = r"[A-Z][a-z'’]+(?:-(?:[a-z]+-)?[A-Z][a-z]+)*"
_JOINER = rf"(?:[ \t]+(?:{'|'.join(_JOINERS)})[ \t]+|[ \t]+)"  # a name never runs over a line break
PLACE_NAME = rf"{_WORD}(?:{_JOINER}{_WORD}){{0,4}}"
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z&]{1,7})\)")
_YEAR_RANGE = re.compile(  # "2019-2024", "2025 to 2028", "2022-27", "2019/20 - 2021/22"
    r"(?<!\d)((?:19|20)\d{2})(?:/\d{2})?\s*(?:-|–|—|to|until)\s*((?:19|20)?\d{2})(/\d{2})?(?!\d)", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d{2}(?![\d/])")
_FINANCIAL_YEAR = re.compile(r"(?<![\d/])((?:19|20)\d{2})/(\d{2})(?![\d/])")  # "2022/23"
_GENERATED_TITLE = re.compile(r"^(microsoft (word|powerpoint)|untitled)|\.(docx?|pdf|pptx?)$", re.IGNORECASE)


@dataclass(frozen=True)
class Decision:
    """A document's metadata, the area it names (when new) and why each field was chosen."""

    info: DocumentInfo
    area: Area | None  # the area's name and aliases, when found in the document
    reasons: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        """One line an officer can check: each field, its value and where it came from."""
        d = self.info
        area = f"{d.area} ({self.area.name})" if self.area and self.area.name != d.area else d.area
        values = {"area": area, "title": d.title, "period": d.period, "status": d.status, "kind": d.kind}
        return "; ".join(f"{name} {value!r} ({self.reasons.get(name, 'default')})"
                         for name, value in values.items())


def _title_page(pages: tuple[Page, ...]) -> str:
    return "\n".join(p.text for p in pages)[:TITLE_PAGE_CHARS]


def _strip_descriptors(name: str) -> str:
    words = name.replace("’", "'").split()
    descriptors = vocabulary().council_descriptors
    while words and words[-1].lower() in descriptors:
        words.pop()
    while words and words[0].lower() in descriptors:
        words.pop(0)
    return " ".join(words).removesuffix("'s")


def _place_part(name: str) -> str:
    """The name up to where its subject begins: "Telford & Wrekin Domestic Abuse Local" ->
    "Telford & Wrekin"; a descriptor before the name is not where it ends ("County Durham
    Domestic Abuse" -> "Durham")."""
    words: list[str] = []
    names = name.split()
    while len(names) > 1 and names[0].lower() in vocabulary().council_descriptors:
        names.pop(0)
    for word in names:
        if word.lower().strip("'’") in vocabulary().not_place_words and word.lower() not in _JOINERS:
            break
        words.append(word)
    while words and words[-1].lower() in _JOINERS:
        words.pop()
    return " ".join(words)


def _is_place(name: str) -> bool:
    words = [w.lower() for w in re.split(r"[\s-]+", name) if w]
    not_places = vocabulary().not_place_words
    return bool(words) and words[0] not in not_places and not all(w in not_places for w in words)


@cache
def _council_patterns() -> tuple[str, tuple[re.Pattern[str], ...]]:
    """The bodies' alternation ("county council|…") and the patterns that find a body's place
    name, compiled once from the vocabulary."""
    vocab = vocabulary()
    bodies = "|".join(re.escape(b) for b in vocab.council_bodies)
    prefixes = "|".join(re.escape(p) for p in vocab.council_prefixes)
    partnerships = "|".join(re.escape(p) for p in vocab.partnership_prefixes)
    return bodies, (re.compile(rf"\b({PLACE_NAME})\s+(?i:{bodies})\b"),
                    re.compile(rf"\b(?i:{prefixes})\s+({PLACE_NAME})"),
                    re.compile(rf"\b(?:{partnerships})\s+({PLACE_NAME})\s+Partnership\b"))


def council_mentions(text: str) -> Counter[str]:
    """Councils and partnerships the text names as bodies ("Herefordshire Council", "London
    Borough of Hackney", "Safer Rotherham Partnership"), counted by place name."""
    found: Counter[str] = Counter()
    for pattern in _council_patterns()[1]:
        for match in pattern.finditer(text):
            name = _strip_descriptors(_place_part(match.group(1)))
            if name and name[0].isupper() and _is_place(name):
                found[name] += 1
    return found


def _title_place(title: str) -> str | None:
    """The place a title is about: one it opens with before its subject ("Herefordshire
    Domestic Abuse Strategy", "Oxfordshire's …") or ends on ("… Strategy for Telford & Wrekin")."""
    if title.isupper():
        title = title.title()
    title = " ".join(re.sub(r"\b(19|20)\d{2}\S*", " ", title).split())  # the years are not the place
    ending = re.search(rf"\b(?:in|for|across|of)\s+(?:the\s+)?({PLACE_NAME})\s*$", title)
    if ending and _is_place(ending.group(1)):
        return _strip_descriptors(ending.group(1))
    match = re.match(rf"\s*(?:the\s+)?({PLACE_NAME})(['’]s)?\b", title)
    if not match:
        return None
    place = _place_part(match.group(1))
    if place == match.group(1) and not match.group(2) and match.end() >= len(title.rstrip()):
        return None  # no subject after it: the whole title is a name, not a place and a subject
    name = _strip_descriptors(place)
    return name if name and _is_place(name) else None


def _aliases(name: str, text: str) -> tuple[str, ...]:
    """The place's name, its "&"/"and" twin, and abbreviations the text defines for its bodies
    ("New Forest District Council (NFDC)")."""
    names = {name, name.replace(" & ", " and "), name.replace(" and ", " & ")}
    bodies = _council_patterns()[0]
    for match in re.finditer(rf"{re.escape(name)}(?:\s+(?:{bodies}))?{_ACRONYM.pattern}", text, re.IGNORECASE):
        names.add(match.group(1))
    return tuple(sorted(names))


def _count(name: str, text: str) -> int:
    """How often the text names `name` as a whole word."""
    return len(re.findall(rf"\b{re.escape(name)}\b", text))


def _known_area(name: str, areas: Mapping[str, Area]) -> str | None:
    lowered = name.lower()
    for key, area in areas.items():
        if lowered in {a.lower() for a in (*area.aliases, area.name, key)}:
            return key
    return None


def _decide_area(title: str, pages: tuple[Page, ...], properties: Mapping[str, str],
                 areas: Mapping[str, Area]) -> tuple[str, Area | None, str]:
    text = "\n".join(p.text for p in pages)
    mentions = council_mentions(text)
    opening = council_mentions(_title_page(pages) + "\n" + " ".join(properties.values()))
    place = _title_place(title)
    place_count = _count(place, text) if place else 0
    if place_count < MIN_MENTIONS:
        place = None  # named in the title but hardly in the text: not a place after all
    # (a council named only over every page, "Harwick Borough Council" in a PDF's running
    # header, or in the file's properties, is named on its title page as much)
    scores = Counter({name: mentions[name] + 3 * opening[name] + min(_count(name, text), 10)
                      for name in [*mentions, *(n for n in opening if n not in mentions)]})
    if place:
        scores[place] += 5 + place_count
    candidates = [(name, score) for name, score in scores.most_common()
                  if score >= MIN_MENTIONS or name == place]
    if not candidates:
        return _most_named_area(text, areas)
    name = candidates[0][0]
    known = _known_area(name, areas)
    how = ("the title" if name == place
           else f"named as a council or partnership {mentions[name]} times" if mentions[name]
           else "named as a council or partnership over its pages or in its properties")
    if known:
        return known, None, f"{how}: {name!r}, a known area"
    return area_key(name), Area(area_key(name), name, _aliases(name, text)), f"{how}: {name!r}"


def _most_named_area(text: str, areas: Mapping[str, Area]) -> tuple[str, Area | None, str]:
    """A known area the text names far more than any other (no council named as a body)."""
    counts = Counter({key: sum(_count(a, text) for a in {*area.aliases, area.name})
                      for key, area in areas.items()})
    ranked = [*counts.most_common(2), ("", 0), ("", 0)]
    (key, count), runner_up = ranked[0], ranked[1][1]
    if count >= MIN_NAMED and count >= 2 * runner_up:
        return key, None, f"the known area it names most ({count} times)"
    return UNASSIGNED, None, "no council or partnership is named on its title page or as a body in its text"


def _title_like(line: str) -> bool:
    return (2 <= len(line.split()) <= 16 and bool(re.search(r"[A-Za-z]{3}", line))
            and not line.endswith((".", ",", ";")) and not BULLET.match(line)
            and not line.lower().startswith(("http", "www.")))


def _decide_title(pages: tuple[Page, ...], properties: Mapping[str, str]) -> tuple[str | None, str]:
    """The declared title when it is a real one, else the title page's first title-like line
    (with the next when the title runs over two lines)."""
    declared = properties.get("title", "")
    if len(declared.split()) >= 2 and not _GENERATED_TITLE.search(declared):
        return declared, "the file's title property"
    lines = [" ".join(line.split()).strip("#*_ ") for line in _title_page(pages).split("\n")]
    lines = [line for line in lines if line and _title_like(line) and not vocabulary().draft.search(line)][:12]
    if not lines:
        return None, ""
    index = next((i for i, line in enumerate(lines) if vocabulary().title_words.search(line)), 0)
    title = lines[index]
    previous = lines[index - 1] if index else ""
    if previous and (council_mentions(previous) or re.search(r"(['’]s|\b(of|for|and|the|to|in|on|&))$", previous)):
        title = f"{previous} {title}"  # "Telford & Wrekin Council" over "Domestic Abuse Strategy"
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if _YEAR_RANGE.fullmatch(following) and not _YEAR_RANGE.search(title):
        title = f"{title} {following}"
    return title[:200], "the title page"


def _decide_period(title: str, pages: tuple[Page, ...], path: Path) -> tuple[str | None, str]:
    for source, where in ((title, "the title"), (_title_page(pages), "the title page")):
        match = _YEAR_RANGE.search(source)
        if match:
            start, end = match.group(1), match.group(2)
            end = end if len(end) == 4 else start[:2] + end
            if match.group(3):  # financial years: 2021/22 ends in 2022
                end = str(int(end) + 1)
            if int(start) <= int(end) <= int(start) + 20:
                return f"{start}-{end}", where
        if where == "the title":  # "Annual Report 2022/23": a financial year; "… 2024"
            financial = _FINANCIAL_YEAR.search(source)
            if financial:
                start = financial.group(1)
                return f"{start}-{start[:2]}{financial.group(2)}", where
            years = _YEAR.findall(source)
            if years:
                return years[0], where
    from_name = period_from_name(path.stem)
    return (from_name, "the file name") if from_name != "unknown" else (None, "")


def _decide_status(pages: tuple[Page, ...]) -> tuple[str | None, str]:
    opening = _title_page(pages)
    draft = vocabulary().draft.search(opening)
    if draft:
        return "draft", f"{draft.group(0)!r} on its title page"
    adopted = vocabulary().adopted.search(opening)
    if adopted:
        return "adopted", f"{adopted.group(0)!r} on its title page"
    return None, ""


def _decide_kind(title: str) -> tuple[str | None, str]:
    for kind, pattern in vocabulary().document_kinds:
        if pattern.search(title):
            return kind, "the title"
    return None, ""


def decide(path: Path, pages: tuple[Page, ...], properties: Mapping[str, str], manifest: Manifest,
           overrides: Mapping[str, str] | None = None) -> Decision:
    """The document's metadata: overrides, then the manifest entry, then its own text and
    properties, then its file name.

    Args:
        path: the file (its name is the last resort).
        pages: its text.
        properties: what the file declares (title, author, subject).
        manifest: known areas and per-file entries.
        overrides: values the officer gave (area as a key or a name, title, period...).

    Returns:
        The decision, with the reason for each field.
    """
    given = {k: v for k, v in {**manifest.documents.get(path.name, {}), **(overrides or {})}.items() if v}
    origin = {k: "given by the officer" if (overrides or {}).get(k) else "the manifest" for k in given}
    reasons: dict[str, str] = {}
    values: dict[str, str] = {}
    title, why = _decide_title(pages, properties)
    values["title"], reasons["title"] = (title, why) if title else (title_from_name(path.stem), "the file name")
    period, why = _decide_period(values["title"], pages, path)
    values["period"], reasons["period"] = (period, why) if period else ("unknown", "no year range found")
    status, why = _decide_status(pages)
    values["status"], reasons["status"] = (status, why) if status else ("unknown", "no draft or adoption line")
    kind, why = _decide_kind(values["title"])
    values["kind"], reasons["kind"] = (kind, why) if kind else ("strategy", "default")
    area: Area | None = None
    if "area" in given:
        key = _known_area(given["area"], manifest.areas) or area_key(given["area"])
        if key not in manifest.areas:
            area = Area(key, given["area"] if given["area"] != key else key.replace("-", " ").title(),
                        (given["area"],))
        values["area"], reasons["area"] = key, origin["area"]
    else:
        values["area"], area, reasons["area"] = _decide_area(values["title"], pages, properties,
                                                             manifest.areas)
        named = manifest.area_from_name(path)
        if values["area"] == UNASSIGNED and named:
            values["area"], reasons["area"] = named, "the file name"
    for name in ("title", "period", "status", "kind"):
        if name in given:
            values[name], reasons[name] = given[name], origin[name]
    info = DocumentInfo(doc_id=doc_id_for(path), area=values["area"], title=values["title"],
                        period=values["period"], kind=values["kind"], status=values["status"],
                        area_name=area.name if area else "", area_aliases=area.aliases if area else ())
    return Decision(info, area, reasons)
