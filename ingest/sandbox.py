"""Parse each file in a worker process with a wall-clock and a memory limit.

Parsers of untrusted files (pypdf, lxml under python-docx) have a history of infinite loops,
decompression bombs and entity expansion. Each file is read in a worker process (pebble's
ProcessPool, which kills and replaces a worker whose task times out) under RLIMIT_AS, so a
hostile file is rejected with the reason and the run goes on; nothing of it reaches the
process that writes the store.
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import TypeVar

from pebble import ProcessExpired, ProcessFuture, ProcessPool

from ingest.loaders import Loaded, load
from kb.errors import DocumentRejected

T = TypeVar("T")


def _load_in_worker(kind: str, data: bytes) -> Loaded:
    """`load`, with any parser failure turned into a rejection inside the worker (some parser
    exceptions, such as lxml's, cannot be sent back to the parent)."""
    try:
        return load(kind, data)
    except (DocumentRejected, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - the sandbox's edge: any parser failure rejects the file
        raise DocumentRejected(f"cannot be read ({type(exc).__name__}: {exc})"[:300]) from None


def _limit_memory(limit_bytes: int) -> None:
    """Cap the worker's address space at what it has mapped once the parsers are imported,
    plus `limit_bytes`: the limit is what reading a file may take, whatever the worker
    inherited (a spawned worker re-imports its parent's main module, e.g. Streamlit's)."""
    import docx  # noqa: F401 - imported before the cap, so loading them never hits it
    import pypdf  # noqa: F401

    with open("/proc/self/status", encoding="ascii") as status:
        mapped_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    cap = mapped_kb * 1024 + limit_bytes
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


class Sandbox:
    """A one-worker pool that reads files under limits; use as a context manager per run."""

    def __init__(self, timeout_s: float, memory_mb: int) -> None:
        """Limits for each file: seconds of wall-clock time and megabytes of address space."""
        self._timeout_s = timeout_s
        self._memory_mb = memory_mb
        self._pool = self._start()

    def _start(self) -> ProcessPool:
        return ProcessPool(max_workers=1, initializer=_limit_memory,
                           initargs=(self._memory_mb * 1024 * 1024,),
                           context=multiprocessing.get_context("spawn"))

    def _schedule(self, function: Callable[..., T], args: tuple[object, ...]) -> ProcessFuture:
        """Schedule in the pool, starting a fresh one when this one has broken (its workers
        could not start) or stopped: one file's failure never ends the run."""
        try:
            return self._pool.schedule(function, args=args, timeout=self._timeout_s)
        except RuntimeError:  # pebble: "The Pool is not active" / "Unexpected error within the Pool"
            self._pool.stop()
            self._pool = self._start()
            return self._pool.schedule(function, args=args, timeout=self._timeout_s)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker."""
        self._pool.stop()
        self._pool.join()

    def load(self, kind: str, data: bytes) -> Loaded:
        """The file's pages and properties, read in the worker.

        Raises:
            DocumentRejected: the loader rejected the file, or reading it took too long,
                needed too much memory, crashed the worker or failed in the parser.
        """
        return self.call(_load_in_worker, kind, data)

    def call(self, function: Callable[..., T], *args: object) -> T:
        """`function(*args)` in the worker, under the limits (a picklable, top-level function).

        Raises:
            DocumentRejected: as for `load`.
        """
        future = self._schedule(function, args)
        try:
            return future.result()
        except DocumentRejected:
            raise
        except FutureTimeout as exc:
            raise DocumentRejected(f"took longer than {self._timeout_s:g} s to read") from exc
        except MemoryError as exc:
            raise DocumentRejected(f"needed more than {self._memory_mb} MB to read") from exc
        except ProcessExpired as exc:
            raise DocumentRejected(f"the reader crashed on it (exit code {exc.exitcode})") from exc
        except BrokenProcessPool as exc:
            raise DocumentRejected(f"the reader process could not start ({exc})") from exc
        except Exception as exc:
            raise DocumentRejected(f"cannot be read ({type(exc).__name__}: {exc})"[:300]) from exc
