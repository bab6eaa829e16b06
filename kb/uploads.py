"""Officer uploads: safe file names, a size cap, and a home in the corpus folder."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.pipeline import IngestReport

UPLOAD_FOLDER = "uploads"


def safe_name(name: str) -> str:
    """A file name with no folders, no traversal, no control or shell characters.

    Keeps the extension; falls back to 'document' when nothing usable is left.
    """
    base = unicodedata.normalize("NFKC", name).replace("\\", "/").split("/")[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-_")[:80] or "document"
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix)[:10].lower()
    return f"{stem}.{suffix}" if suffix else stem


def ingest_uploads(files: Sequence[tuple[str, bytes]], metadata: dict[str, str],
                   corpus_dir: Path, max_bytes: int,
                   ingest: Callable[[list[Path], dict[str, dict[str, str]]], IngestReport]
                   ) -> IngestReport:
    """Write uploads to a scratch folder, ingest them, keep the indexed ones in corpus/uploads.

    Args:
        files: (original name, bytes) pairs.
        metadata: area, title, period, kind, status given by the officer (blank = guess).
        corpus_dir: the corpus folder (indexed files are kept under its `uploads/`).
        max_bytes: larger files are rejected before anything is written.
        ingest: the knowledge base's ingest function.

    Returns:
        The ingest report, with oversized files and repeated names among the rejected.
    """
    with tempfile.TemporaryDirectory(prefix="kb-upload-") as scratch:
        folder = Path(scratch)
        paths: list[Path] = []
        refused: list[tuple[str, str]] = []  # too large, or the same name twice
        for original, data in files:
            name = safe_name(original)
            if (folder / name).exists():
                refused.append((name, "uploaded twice in one go (as "
                                        f"{original!r}); the first copy was kept"))
                continue
            if len(data) > max_bytes:
                refused.append((name, f"file too large ({len(data) / 1e6:.1f} MB; the limit "
                                        f"is {max_bytes / 1e6:.0f} MB)"))
                continue
            path = folder / name
            path.write_bytes(data)
            paths.append(path)
        overrides = {p.name: {k: v for k, v in metadata.items() if v} for p in paths}
        report = ingest(paths, overrides)
        report.rejected.extend(refused)
        keep = corpus_dir / UPLOAD_FOLDER
        for name, _ in report.indexed:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / name, keep / name)
    return report
