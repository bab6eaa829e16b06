"""The corpus manifest: document metadata and area aliases (corpus/manifest.toml)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import ConfigError

MANIFEST_NAME = "manifest.toml"
UNASSIGNED = "unassigned"


@dataclass(frozen=True)
class Area:
    """An area key, its display name and the names officers use for it."""

    key: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Manifest:
    """Areas and per-file document metadata."""

    areas: dict[str, Area] = field(default_factory=dict)
    documents: dict[str, dict[str, str]] = field(default_factory=dict)

    def area_of(self, path: Path) -> str:
        """The area the manifest gives a file, else the area its name starts with, else
        `unassigned` (the ingest reads the document itself; see ingest.metadata)."""
        entry = self.documents.get(path.name, {})
        return entry.get("area") or self.area_from_name(path) or UNASSIGNED

    def area_from_name(self, path: Path) -> str | None:
        """The known area a file's name starts with ("essex-plan.pdf" -> "essex"), if any."""
        prefix = path.stem.split("-", 1)[0].lower()
        return prefix if prefix in self.areas else None


def area_key(name: str) -> str:
    """An area key from a place name: "New Forest" -> "new-forest", "Telford & Wrekin" ->
    "telford-and-wrekin"."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", " and ")).strip("-")
    return slug[:60] or UNASSIGNED


def doc_id_for(path: Path) -> str:
    """A stable id from the file name: lower-case, safe characters only, at most 100 long.
    A file of another type than plain text keeps its type in the id, so `strategy.pdf` and
    `strategy.docx` in one folder are two documents."""
    slug = (re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document")
    kind = path.suffix.lower().lstrip(".")
    if kind in ("", "txt"):
        return slug[:100]
    return f"{slug[:100 - len(kind) - 1]}-{kind}"


def title_from_name(stem: str) -> str:
    """A readable title from a file name: "my-da-strategy" -> "My da strategy"."""
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled document"


def period_from_name(stem: str) -> str:
    """The year range in a file name ("…-2019-2024" -> "2019-2024"), else "unknown"."""
    years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", stem)
    if len(years) >= 2:
        return f"{years[0]}-{years[-1]}"
    return years[0] if years else "unknown"


def load_manifest(corpus_dir: Path) -> Manifest:
    """Read `manifest.toml` from the corpus folder; an absent file is an empty manifest.

    Args:
        corpus_dir: the corpus folder.

    Returns:
        The manifest.

    Raises:
        ConfigError: the file exists but is not valid TOML or has the wrong shape.
    """
    path = corpus_dir / MANIFEST_NAME
    if not path.exists():
        return Manifest()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        areas = {
            key: Area(key=key, name=str(v.get("name", key.title())),
                      aliases=tuple(str(a) for a in v.get("aliases", [])))
            for key, v in data.get("areas", {}).items()
        }
        documents = {
            name: {k: str(v) for k, v in entry.items()}
            for name, entry in data.get("documents", {}).items()
        }
    except (tomllib.TOMLDecodeError, AttributeError, TypeError) as exc:
        raise ConfigError(f"{path} is not a valid manifest: {exc}") from exc
    return Manifest(areas=areas, documents=documents)
