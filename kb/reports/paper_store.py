"""Board papers saved beside the store: one JSON file per paper, written atomically.

`<store_dir>/reports/<safe-name>.json`; the file name is the officer's name made safe (lower
case letters, digits and hyphens), so no name can reach outside the folder. `recheck`
compares a paper's citations with what the store now holds and names what has changed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from kb.errors import KBError
from kb.records import Chunk
from kb.reports.paper import BoardPaper, citation_key, citations
from kb.reports.paper_codec import paper_from_dict, paper_to_dict

_UNSAFE = re.compile(r"[^a-z0-9]+")
MAX_NAME = 80
REMOVED = "source removed: the document is no longer in the store"
CHANGED_HELD = "source changed: the document was re-ingested; the quote is still in it"
CHANGED_LOST = "source changed: the quote is no longer in the document"


class ReportError(KBError):
    """A report does not exist, already exists, or cannot be read."""


def safe_name(name: str) -> str:
    """The file stem for a report name: lower-case words joined by hyphens.

    Raises:
        ValueError: nothing usable is left of the name.
    """
    stem = _UNSAFE.sub("-", name.lower()).strip("-")[:MAX_NAME].strip("-")
    if not stem:
        raise ValueError(f"a report name needs letters or digits; got {name!r}")
    return stem


class PaperStore:
    """The reports folder: create, save, load, list and delete papers by name."""

    def __init__(self, folder: Path) -> None:
        """Use `folder` (created on first save)."""
        self.folder = folder

    def path(self, name: str) -> Path:
        """Where the paper called `name` is saved."""
        return self.folder / f"{safe_name(name)}.json"

    def exists(self, name: str) -> bool:
        """True when a paper of that name is saved."""
        return self.path(name).is_file()

    def save(self, paper: BoardPaper) -> None:
        """Write the paper atomically (a temporary file, then a rename over the old one)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(paper.name)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(paper_to_dict(paper), out, ensure_ascii=False, indent=1)
            os.chmod(temporary, 0o644)  # mkstemp makes it owner-only; a report is a shared file
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def load(self, name: str) -> BoardPaper:
        """The saved paper.

        Raises:
            ReportError: no such report, or its file cannot be read.
        """
        path = self.path(name)
        if not path.is_file():
            raise ReportError(f"no report named {name!r}; create it with 'report new'")
        try:
            return paper_from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ReportError(f"report {name!r} cannot be read ({path.name}: {exc})") from exc

    def names(self) -> list[str]:
        """The names of the saved papers, sorted."""
        if not self.folder.is_dir():
            return []
        names = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                names.append(str(json.loads(path.read_text(encoding="utf-8"))["name"]))
            except (OSError, ValueError, KeyError):
                continue  # not a report file: not listed
        return sorted(names, key=str.lower)

    def delete(self, name: str) -> None:
        """Remove the saved paper.

        Raises:
            ReportError: no such report.
        """
        if not self.exists(name):
            raise ReportError(f"no report named {name!r}")
        self.path(name).unlink()


def _holds(text: str, quote: str) -> bool:
    return " ".join(quote.split()) in " ".join(text.split())


def recheck(paper: BoardPaper, chunk: Callable[[str], Chunk | None],
            document_chunks: Callable[[str], Sequence[Chunk]]) -> BoardPaper:
    """The paper with `problems` naming every citation whose source was removed or changed.

    Args:
        paper: the paper as saved.
        chunk: the stored chunk with that id, or None.
        document_chunks: the stored chunks of a document (empty when it was removed).

    Returns:
        The same paper with `problems` (citation key -> reason); nothing is dropped.
    """
    problems: dict[str, str] = {}
    for item in paper.items:
        for c in citations(item.body):
            key = citation_key(c)
            if key in problems:
                continue
            found = chunk(c.chunk_id)
            if found is not None:
                if not _holds(found.text, c.quote):
                    problems[key] = CHANGED_LOST
                continue
            current = document_chunks(c.doc_id)
            if not current:
                problems[key] = REMOVED
            else:
                held = any(_holds(ch.text, c.quote) for ch in current)
                problems[key] = CHANGED_HELD if held else CHANGED_LOST
    return replace(paper, problems=problems)
