"""One writer at a time: a lock file per store, shared by the CLI, the app and any process.

Writers (ingest runs, uploads, a rebuild's drop of the collection) take it; readers never do.
It is re-entrant within a thread, so a rebuild holds it from the drop to the end of its run.
For an embedded store the lock sits in the store folder; for a Chroma server it sits in the
local state folder, named by host, port and collection, so writers on this machine queue for
the same collection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from kb.config import Settings
from kb.errors import StoreBusyError


def lock_path(settings: Settings) -> Path:
    """Where the store's write lock lives."""
    if settings.uses_server:
        return settings.store_dir / "locks" / f"{settings.local_name}.lock"
    return settings.store_dir / f"{settings.local_name}.write.lock"


@contextmanager
def write_lock(settings: Settings, notify: Callable[[str], None] = lambda _: None
               ) -> Iterator[None]:
    """Hold the store's write lock; a second writer is told it waits, then waits up to
    `settings.lock_timeout_s`.

    Raises:
        StoreBusyError: the lock was not released in time.
    """
    path = lock_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, is_singleton=True)  # re-entrant in one thread: a rebuild's drop, then its run
    try:
        lock.acquire(timeout=0)
    except Timeout:
        notify(f"another ingest is writing to this store; waiting up to "
               f"{settings.lock_timeout_s:g} s")
        try:
            lock.acquire(timeout=settings.lock_timeout_s)
        except Timeout as exc:
            raise StoreBusyError(
                f"another process has been writing to the store for over "
                f"{settings.lock_timeout_s:g} s (lock {path}); try again when it has finished"
            ) from exc
    try:
        yield
    finally:
        lock.release()
