"""`kb.reports`: the board papers of a knowledge base, for the app, the CLI and scripts.

Every change is saved at once; `get` re-checks the paper's citations against the store, so a
source removed or changed since an item was added is flagged, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kb.records import Chunk
from kb.reports import paper as papers
from kb.reports.export import format_for, paper_bytes
from kb.reports.paper import BoardPaper, Body
from kb.reports.paper_store import PaperStore, ReportError, recheck


class Reports:
    """Create, fill, reorder, list and export the saved board papers."""

    def __init__(self, folder: Path, chunk: Callable[[str], Chunk | None],
                 document_chunks: Callable[[str], Sequence[Chunk]]) -> None:
        """Papers saved in `folder`, re-checked with the store's chunk lookups.

        Args:
            folder: where the papers' JSON files live.
            chunk: the stored chunk with an id, or None.
            document_chunks: the stored chunks of a document id (empty when removed).
        """
        self.store = PaperStore(folder)
        self._chunk = chunk
        self._document_chunks = document_chunks

    def create(self, name: str, exist_ok: bool = False) -> BoardPaper:
        """A new, empty paper, saved.

        Args:
            name: the officer's name for it (made safe for the file name).
            exist_ok: return the saved paper when one of that name exists.

        Raises:
            ReportError: a paper of that name exists (and exist_ok is False).
            ValueError: the name has no letters or digits.
        """
        if self.store.exists(name):
            if exist_ok:
                return self.get(name)
            raise ReportError(f"a report named {name!r} already exists")
        created = BoardPaper(name=" ".join(name.split()))
        self.store.save(created)
        return created

    def list(self) -> list[str]:
        """The names of the saved papers."""
        return self.store.names()

    def get(self, name: str) -> BoardPaper:
        """The saved paper, its citations re-checked against the store (see `problems`).

        Raises:
            ReportError: no such report.
        """
        return recheck(self.store.load(name), self._chunk, self._document_chunks)

    def delete(self, name: str) -> None:
        """Remove a saved paper.

        Raises:
            ReportError: no such report.
        """
        self.store.delete(name)

    def _change(self, name: str, change: Callable[[BoardPaper], BoardPaper]) -> BoardPaper:
        changed = change(self.store.load(name))
        self.store.save(changed)
        return recheck(changed, self._chunk, self._document_chunks)

    def add(self, name: str, body: Body, subject: str, heading: str = "", note: str = ""
            ) -> BoardPaper:
        """Append an answer, comparison, register extract or coverage view to a paper.

        Args:
            name: the paper.
            body: the record to keep.
            subject: the question, theme or area it answers.
            heading: the officer's heading (default: made from the subject).
            note: the officer's note (plain text).

        Raises:
            ReportError: no such report.
            ValueError: the note is too long.
        """
        return self._change(name, lambda p: papers.add(p, body, subject, heading, note))

    def remove(self, name: str, index: int) -> BoardPaper:
        """Remove the item at `index` (0-based).

        Raises:
            ReportError: no such report.
            ValueError: no such item.
        """
        return self._change(name, lambda p: papers.remove(p, index))

    def move(self, name: str, index: int, offset: int) -> BoardPaper:
        """Move the item at `index` (0-based) by `offset` places (-1 up, +1 down).

        Raises:
            ReportError: no such report.
            ValueError: no such item.
        """
        return self._change(name, lambda p: papers.move(p, index, offset))

    def edit(self, name: str, index: int, heading: str | None = None, note: str | None = None
             ) -> BoardPaper:
        """Set the heading and/or the officer's note of the item at `index` (0-based).

        Raises:
            ReportError: no such report.
            ValueError: no such item, or the note is too long.
        """
        return self._change(name, lambda p: papers.edit(p, index, heading, note))

    def export_bytes(self, name: str, fmt: str) -> bytes:
        """The paper as Word ('docx') or Markdown ('md') bytes, with one reference list.

        Raises:
            ReportError: no such report.
            ValueError: an unknown format.
        """
        return paper_bytes(self.get(name), fmt)

    def export(self, name: str, path: Path) -> Path:
        """Write the paper to `path`; the extension (.docx or .md) chooses the format.

        Raises:
            ReportError: no such report.
            ValueError: another extension.
        """
        data = self.export_bytes(name, format_for(path))
        path.write_bytes(data)
        return path
