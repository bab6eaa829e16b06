"""The domain vocabulary (kb/vocabulary.toml), compiled once: heading and table cues, question
cues, "all areas" phrasing, comparison scaffolding, council names' parts and coverage themes.

A corpus folder may add a `vocabulary.toml` (same keys): its entries extend the package's. The
corpus folder is the one in force when the vocabulary is first used (`KB_CORPUS_DIR`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kb.errors import ConfigError
from kb.records import ChunkKind

VOCABULARY_NAME = "vocabulary.toml"
Pattern = re.Pattern[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(f"(?:{w})" for w in words)


def cue_pattern(words: list[str]) -> Pattern:
    """One case-insensitive pattern matching any of the alternatives as whole words."""
    return re.compile(rf"(?<!\w)(?:{_alternatives(words)})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Vocabulary:
    """The compiled vocabulary; see kb/vocabulary.toml for what each part means."""

    heading_cues: tuple[tuple[ChunkKind, Pattern], ...]
    front_matter: Pattern
    action_table: Pattern
    indicator_table: Pattern
    table_header: Pattern
    commitment: Pattern
    question_intents: tuple[tuple[frozenset[ChunkKind], Pattern], ...]
    answer_type_cues: tuple[tuple[str, Pattern], ...]
    list_nouns: str
    all_areas: Pattern
    scaffolding: frozenset[str]
    council_bodies: tuple[str, ...]
    council_prefixes: tuple[str, ...]
    council_descriptors: frozenset[str]
    not_place_words: frozenset[str]
    partnership_prefixes: tuple[str, ...]
    draft: Pattern
    adopted: Pattern
    title_words: Pattern
    document_kinds: tuple[tuple[str, Pattern], ...]
    themes: dict[str, tuple[str, ...]]


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`base` with `extra`'s entries added: lists are extended, tables merged, strings joined."""
    merged = dict(base)
    for key, value in extra.items():
        current = merged.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            merged[key] = merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            merged[key] = current + [v for v in value if v not in current]
        elif isinstance(current, str) and isinstance(value, str):
            merged[key] = f"{current} {value}"
        else:
            merged[key] = value
    return merged


def compile_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """Compile the vocabulary's data (as read from TOML).

    Raises:
        ConfigError: a section is missing, a kind is unknown or a pattern does not compile.
    """
    try:
        places = _alternatives(data["areas"]["places"])
        numbers = "(two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})"
        # The grammar of "every area" questions is fixed; the words are data.
        all_areas = re.compile(
            rf"\b(?:(each|every|both|all|either|which|any|other|different|respective|various) "
            rf"(of )?(the )?({numbers} |local |other |different )?(?:{places})"
            rf"|across (the )?({numbers} )?(?:{places})|the {numbers} (?:{places})|all {numbers}"
            rf"|the (local |other |different |various )?(?:{places})(?<=s)(?! of)"
            rf"|{_alternatives(data['areas']['all'])})\b",
            re.IGNORECASE)
        return Vocabulary(
            heading_cues=tuple((ChunkKind(kind), cue_pattern(words))
                               for kind, words in data["headings"].items()),
            front_matter=re.compile(rf"^\W*(?:{_alternatives(data['sections']['front_matter'])})\W*$",
                                    re.IGNORECASE),
            action_table=cue_pattern(data["tables"]["action"]),
            indicator_table=cue_pattern(data["tables"]["indicator"]),
            table_header=cue_pattern(data["tables"]["header"]),
            commitment=re.compile(rf"^\W*(?:{_alternatives(data['commitments']['subjects'])}) will\b",
                                  re.IGNORECASE),
            question_intents=tuple(
                (frozenset(ChunkKind(k) for k in kinds.split()), cue_pattern(words))
                for kinds, words in data["questions"].items()),
            answer_type_cues=tuple((kind, cue_pattern(words))
                                   for kind, words in data["answer_types"].items()),
            list_nouns=_alternatives(data["lists"]["nouns"]),
            all_areas=all_areas,
            scaffolding=frozenset(data["topic"]["scaffolding"].split()),
            council_bodies=tuple(sorted(data["councils"]["bodies"], key=len, reverse=True)),
            council_prefixes=tuple(data["councils"]["prefixes"]),
            council_descriptors=frozenset(data["councils"]["descriptors"]),
            not_place_words=frozenset(data["councils"]["not_place_words"].split()),
            partnership_prefixes=tuple(data["councils"]["partnership_prefixes"]),
            draft=cue_pattern(data["documents"]["draft"]),
            adopted=cue_pattern(data["documents"]["adopted"]),
            title_words=cue_pattern(data["documents"]["title_words"]),
            document_kinds=tuple((kind, cue_pattern(words))
                                 for kind, words in data["documents"]["kinds"].items()),
            themes={theme: tuple(phrases) for theme, phrases in data["themes"].items()},
        )
    except (KeyError, ValueError, TypeError, AttributeError, re.error) as exc:
        raise ConfigError(f"the vocabulary is not valid: {type(exc).__name__}: {exc}") from exc


def read_vocabulary(corpus_dir: Path | None) -> Vocabulary:
    """The package's vocabulary, extended by the corpus folder's `vocabulary.toml` if any.

    Raises:
        ConfigError: a vocabulary file is not valid TOML or not a valid vocabulary.
    """
    data = tomllib.loads(resources.files("kb").joinpath(VOCABULARY_NAME).read_text(encoding="utf-8"))
    extra = corpus_dir / VOCABULARY_NAME if corpus_dir else None
    if extra and extra.is_file():
        try:
            data = merge(data, tomllib.loads(extra.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{extra} is not valid TOML: {exc}") from exc
    return compile_vocabulary(data)


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary in force: the package's plus the configured corpus folder's."""
    from kb.config import Settings

    return read_vocabulary(Settings.from_env().corpus_dir)
