"""`python -m eval.bench --scale N [--dir DIR]`: the knowledge base at N councils' strategies.

Builds N copies of the bundled corpus as distinct councils ("County 0000" ...: area names
rewritten in the text, the file names and the manifest; a few words per copy reversed so no
two copies are the same text), embeds them with a deterministic random 384-d embedder (the
bundled model's dimension; only the project's own costs are measured), ingests them through
the public API, then in a fresh process prints open time and memory, search / ask / compare
percentiles, and the cost of adding one more strategy and of an unchanged re-ingest.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import subprocess
import sys
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from eval.metrics import percentile

BUNDLED = Path(__file__).resolve().parent.parent / "corpus"
_NAMES = re.compile(r"Oxfordshire|Buckinghamshire|Essex|Southend|Thurrock|Oxon|Bucks|Oxford")
QUERIES = ["What are the strategic aims?", "What will County 0007 do about perpetrators?",
           "IDVA referrals in 2018-19", "Compare County 0001 and County 0002 on refuges",
           "healthy relationships education in schools", "MARAC repeat referrals target",
           "Who leads the delivery plan?", "What is the vision?",
           "What will County 0003 do under its Prevention priority?"]


class RandomEmbedder:
    """Unit vectors of the bundled model's dimension, seeded by a hash of the text."""

    name = "random-384"
    dimension = 384

    def _vector(self, text: str) -> list[float]:
        seed = int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)
        v = np.random.default_rng(seed).standard_normal(self.dimension).astype(np.float32)
        return (v / np.linalg.norm(v)).tolist()

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text."""
        return [self._vector(t) for t in texts]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text."""
        return self.embed(texts)

    def embed_query(self, text: str) -> list[float]:
        """The text's vector."""
        return self._vector(text)


def _key(i: int) -> tuple[str, str]:
    return f"county{i:04d}", f"County {i:04d}"


def write_council(i: int, corpus: Path) -> list[str]:
    """Write council i's copy of the bundled files; returns its manifest lines."""
    key, name = _key(i)
    manifest = tomllib.loads((BUNDLED / "manifest.toml").read_text())["documents"]
    lines = [f'[areas.{key}]\nname = "{name}"\naliases = ["{name}"]\n']
    rnd = random.Random(i)
    for path in sorted(BUNDLED.glob("*.txt")):
        words = _NAMES.sub(name, path.read_text()).split(" ")
        for _ in range(len(words) // 50):
            j = rnd.randrange(len(words))
            words[j] = words[j][::-1]
        target = f"{key}-{path.stem.split('-', 1)[1]}.txt"
        (corpus / target).write_text(" ".join(words))
        meta = manifest.get(path.name, {})
        lines.append(f'[documents."{target}"]\narea = "{key}"\n' + "".join(
            f'{field} = {json.dumps(_NAMES.sub(name, str(meta[field])))}\n'
            for field in ("title", "period", "kind", "status") if field in meta))
    return lines


def build(n: int, base: Path) -> None:
    """Write N councils, ingest them, add one more, then re-ingest unchanged; prints JSON."""
    from kb.api import KnowledgeBase
    from kb.backends.snapshot import publish

    corpus = base / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    lines = [line for i in range(n) for line in write_council(i, corpus)]
    (corpus / "manifest.toml").write_text("\n".join(lines))
    _environment(base)
    kb = KnowledgeBase.open(embedder=RandomEmbedder())
    started = time.perf_counter()
    report = kb.ingest([corpus])
    ingest_s = time.perf_counter() - started
    chunks = sum(count for _, count in report.indexed)
    started = time.perf_counter()
    publish(kb.store.table, None)  # the lexical index from nothing, as the first run builds it
    publish_s = time.perf_counter() - started
    extra = base / "extra"
    extra.mkdir(exist_ok=True)
    lines += write_council(n, extra)
    (corpus / "manifest.toml").write_text("\n".join(lines))
    kb = KnowledgeBase.open(embedder=RandomEmbedder())
    started = time.perf_counter()
    added = kb.ingest(sorted(extra.glob("*.txt")))
    add_s = time.perf_counter() - started
    started = time.perf_counter()
    again = kb.ingest([corpus])
    rerun_s = time.perf_counter() - started
    print(json.dumps({
        "files": len(report.indexed), "rejected": len(report.rejected), "chunks": chunks,
        "ingest_s": round(ingest_s, 1), "chunks_per_s": round(chunks / ingest_s),
        "lexical_full_build_s": round(publish_s, 2),
        "add_one_strategy_s": round(add_s, 2), "add_files": len(added.indexed),
        "unchanged_reingest_s": round(rerun_s, 2), "unchanged": len(again.unchanged)}))


def _environment(base: Path) -> None:
    os.environ.update(KB_STORE_DIR=str(base / "store"), KB_CORPUS_DIR=str(base / "corpus"))


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(base: Path) -> None:
    """Open in this (fresh) process and time the queries; prints JSON."""
    _environment(base)
    rss_before = _rss_mb()
    from kb.api import KnowledgeBase

    imported = _rss_mb()
    started = time.perf_counter()
    kb = KnowledgeBase.open(embedder=RandomEmbedder())
    open_s = time.perf_counter() - started
    rss_open = _rss_mb()

    def timed(call: object, reps: int = 3) -> tuple[float, float]:
        ms = []
        for _ in range(reps):
            for query in QUERIES:
                t = time.perf_counter()
                call(query)  # type: ignore[operator]
                ms.append((time.perf_counter() - t) * 1000)
        return round(percentile(ms, 50), 1), round(percentile(ms, 95), 1)

    kb.search("warm up", k=5)
    out: dict[str, object] = {
        "documents": len(kb.documents()), "chunks": sum(d.chunks for d in kb.documents()),
        "open_s": round(open_s, 3), "rss_after_imports_mb": round(imported - rss_before),
        "rss_open_mb": round(rss_open), "rss_open_delta_mb": round(rss_open - imported),
        "search_p50_p95_ms": timed(lambda q: kb.search(q, k=8)),
        "search_area_p50_p95_ms": timed(lambda q: kb.search(q, k=8, areas=["county0042"])),
        "ask_p50_p95_ms": timed(lambda q: kb.ask(q), 2)}
    started = time.perf_counter()
    kb.compare("perpetrator programmes", areas=["county0001", "county0002", "county0003"])
    out["compare3_ms"] = round((time.perf_counter() - started) * 1000)
    out["rss_end_mb"] = round(_rss_mb())
    print(json.dumps(out))


def run(n: int, base: Path) -> None:
    """Build (unless DIR already holds a store) and measure, each in a fresh process."""
    steps = [] if (base / "store").exists() else [["build", str(n), str(base)]]
    for step in [*steps, ["measure", str(base)]]:
        result = subprocess.run([sys.executable, "-m", "eval.scale", *step], capture_output=True,
                                text=True, check=False)
        if result.returncode:
            print(result.stderr[-3000:], file=sys.stderr)
            raise SystemExit(result.returncode)
        print(f"{step[0]}: {result.stdout.strip().splitlines()[-1]}", flush=True)


if __name__ == "__main__":
    import logging

    logging.disable(logging.WARNING)
    if sys.argv[1] == "build":
        build(int(sys.argv[2]), Path(sys.argv[3]))
    else:
        measure(Path(sys.argv[2]))
