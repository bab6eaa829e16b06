"""`python -m eval.bench`: ingest and query figures, beside a plain LangChain + Chroma pipeline.

Prints, for each embedding runtime (`--embedders`, default: onnx and torch): cold ingest time
and peak memory with its ratio to the plain pipeline, and the time from process start to the
first answer (`KnowledgeBase.open(); kb.ask(...)` on the store just built, interpreter start
included); then unchanged re-ingest time (in a fresh process, and whether torch was imported),
chunk count and size distribution and search / ask / compare latency for the default runtime,
and the same cold ingest done the plain way (RecursiveCharacterTextSplitter at 1,000
characters, the same MiniLM run by sentence-transformers/torch as a LangChain user would, a
Chroma PersistentClient).
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.metrics import percentile
from ingest.pipeline import collect_files
from kb.api import KnowledgeBase
from kb.config import Settings

QUERIES = ["What will Essex do about perpetrators?", "What are Oxfordshire's strategic aims?",
           "How will Buckinghamshire measure the champions network?", "What is the MARAC?",
           "Compare training for frontline professionals in Essex and Oxfordshire."]


PLAIN = """
import sys, time
started = time.perf_counter()
import chromadb
from langchain_text_splitters import RecursiveCharacterTextSplitter
from ingest.loaders import decode_text
from ingest.pipeline import collect_files
from kb.config import Settings
from kb.backends.embedder import make_embedder
settings = Settings(embedder="torch")
embedder = make_embedder(settings)
splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=100)
texts = [t for p in collect_files([settings.corpus_dir])
         for t in splitter.split_text(decode_text(p.read_bytes()))]
collection = chromadb.PersistentClient(path=sys.argv[1]).get_or_create_collection(
    "plain", configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)
collection.add(ids=[str(i) for i in range(len(texts))], documents=texts,
               embeddings=embedder.embed(texts))
print(time.perf_counter() - started, len(texts))
"""
FIRST_ANSWER = """
import sys, time
started = time.perf_counter()
from kb.api import KnowledgeBase
kb = KnowledgeBase.open()
answer = kb.ask("What will Essex do about perpetrators?")
print(time.perf_counter() - started, answer.found, 'torch' in sys.modules)
"""
OURS = """
import resource, sys, time
started = time.perf_counter()
from ingest.cli import main
main([])
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
      'torch' in sys.modules)
"""


CPU_SECONDS: list[float] = []  # user + system CPU time of each run_python call, in order


def run_python(code: str, env: dict[str, str], *args: str) -> list[str]:
    """Run code in a fresh interpreter (cold imports, as an officer's run) and return the
    words of its last output line; its CPU time (its workers' included) goes to CPU_SECONDS,
    a figure that, unlike wall time, other load on a shared machine barely moves."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                            text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return result.stdout.strip().splitlines()[-1].split()


def main(argv: list[str] | None = None) -> None:
    """Run every measurement and print the figures (`--scale N`: see `eval.scale`)."""
    parser = argparse.ArgumentParser(prog="python -m eval.bench", description=__doc__)
    parser.add_argument("--embedders", nargs="+", choices=["onnx", "torch"],
                        default=["onnx", "torch"], help="runtimes to time (the first one is "
                        "also used for the latency figures)")
    parser.add_argument("--scale", type=int, metavar="N",
                        help="N synthetic councils (5 strategies each) with a random embedder")
    parser.add_argument("--dir", type=Path, help="keep the scale corpus and store here "
                        "(re-measured without rebuilding when it already holds a store)")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    if args.scale:
        from eval.scale import run

        if args.dir:
            run(args.scale, args.dir)
        else:
            with tempfile.TemporaryDirectory() as scratch:
                run(args.scale, Path(scratch))
        return
    corpus = Settings().corpus_dir
    files = collect_files([corpus])
    runtimes: dict[str, tuple[float, float, float, float, str, str, float, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        plain_seconds, plain_chunks = run_python(PLAIN, dict(os.environ),
                                                 str(Path(scratch) / "plain"))
        plain_cpu = CPU_SECONDS[-1]
        for runtime in args.embedders:
            store_dir = Path(scratch) / f"store-{runtime}"
            env = {**os.environ, "KB_STORE_DIR": str(store_dir), "KB_EMBEDDER": runtime}
            cold, peak_mb, cold_torch = run_python(OURS, env)
            cold_cpu = CPU_SECONDS[-1]
            started = time.perf_counter()
            first_in, found, first_torch = run_python(FIRST_ANSWER, env)
            first_wall = time.perf_counter() - started
            runtimes[runtime] = (float(cold), float(peak_mb), float(first_in), first_wall,
                                 f"{cold_torch}/{first_torch}", found, cold_cpu,
                                 CPU_SECONDS[-1])
        default = args.embedders[0]
        settings = Settings(store_dir=Path(scratch) / f"store-{default}", corpus_dir=corpus,
                            embedder=default)
        env = {**os.environ, "KB_STORE_DIR": str(settings.store_dir), "KB_EMBEDDER": default}
        started = time.perf_counter()
        rerun, _, torch_loaded = run_python(OURS, env)
        rerun_process = time.perf_counter() - started
        kb = KnowledgeBase.open(settings)
        sizes = [len(c.chunk.text.split()) for c in kb.store.all_chunks()]
        kb.search("warm up", k=1)
        search_ms, ask_ms, compare_ms = [], [], []
        for _ in range(4):
            for query in QUERIES:
                t = time.perf_counter()
                kb.search(query, k=8)
                search_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                kb.ask(query)
                ask_ms.append((time.perf_counter() - t) * 1000)
        for theme in ("perpetrator programmes", "employers", "refuge and sanctuary"):
            t = time.perf_counter()
            kb.compare(theme)
            compare_ms.append((time.perf_counter() - t) * 1000)
    quartiles = statistics.quantiles(sizes, n=4)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"plain LangChain splitter + Chroma ingest, same model on torch, same measure: "
          f"{float(plain_seconds):.1f} s ({plain_cpu:.1f} s CPU), {plain_chunks} chunks")
    for runtime, (cold_s, peak, first_s, first_wall_s, torch_seen, found, cold_cpu,
                  first_cpu) in runtimes.items():
        print(f"[{runtime}] cold ingest (fresh process, imports and model load included): "
              f"{cold_s:.1f} s for {len(files)} files = {cold_s / float(plain_seconds):.2f}x "
              f"plain; CPU {cold_cpu:.1f} s = {cold_cpu / plain_cpu:.2f}x plain's; "
              f"peak RSS {peak:.0f} MB")
        print(f"[{runtime}] first answer (open + ask on the built store): {first_s:.2f} s "
              f"in-process, {first_wall_s:.2f} s from process start, CPU {first_cpu:.2f} s "
              f"(found: {found}); torch imported (ingest/answer): {torch_seen}")
    print(f"[{default}] chunks: {len(sizes)}; unchanged re-ingest: {float(rerun):.2f} s "
          f"in-process, {rerun_process:.2f} s with interpreter start; torch imported: "
          f"{torch_loaded}")
    print(f"chunk words: min {min(sizes)}, q1 {quartiles[0]:.0f}, median {quartiles[1]:.0f}, "
          f"q3 {quartiles[2]:.0f}, max {max(sizes)}")
    print(f"search ms: p50 {percentile(search_ms, 50):.1f}, p95 {percentile(search_ms, 95):.1f}")
    print(f"ask ms: p50 {percentile(ask_ms, 50):.1f}, p95 {percentile(ask_ms, 95):.1f}")
    print(f"compare ms: max {max(compare_ms):.0f} over 3 themes x 3 areas")


if __name__ == "__main__":
    main()
