"""Hostile files are read in a sandboxed worker: each is rejected with its reason in bounded
time and memory, the run goes on, and the store is unchanged."""

import io
import time
import zipfile
import zlib

import pytest

from ingest.pipeline import Ingester
from ingest.sandbox import Sandbox
from kb.backends.embedder import FakeEmbedder
from kb.backends.memory_store import InMemoryStore
from kb.config import Settings
from kb.errors import DocumentRejected
from kb.manifest import load_manifest

CONTENT_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                 b'2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                 b'openxmlformats-package.relationships+xml"/><Override PartName="/word/document.'
                 b'xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml'
                 b'.document.main+xml"/></Types>')
RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        b'</Relationships>')
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with(document_xml_chunks) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w") as member:
            for chunk in document_xml_chunks:
                member.write(chunk)
    return buffer.getvalue()


def entity_expansion_docx() -> bytes:
    entities = b'<!ENTITY a0 "lol lol lol lol lol lol lol lol lol lol">' + b"".join(
        b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10))
    return docx_with([b'<?xml version="1.0"?><!DOCTYPE w:document [' + entities + b']>',
                      b"<w:document " + W + b"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p>"
                      b"</w:body></w:document>"])


def zip_bomb_docx(megabytes: int = 500) -> bytes:
    text = b"a" * (1 << 20)
    return docx_with([b'<?xml version="1.0"?><w:document ' + W + b"><w:body><w:p><w:r><w:t>",
                      *(text for _ in range(megabytes)), b"</w:t></w:r></w:p></w:body></w:document>"])


def pdf(objects: list[bytes]) -> bytes:
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def inflating_pdf(megabytes: int = 500) -> bytes:
    compressor = zlib.compressobj(9)
    stream = b"".join(compressor.compress(b"0" * (1 << 20)) for _ in range(megabytes))
    stream += compressor.flush()
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
                + b"\nendstream"])


def reference_loop_pdf() -> bytes:
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R] /Count 1 >>"])


def nested_outline_pdf(depth: int = 200) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R /Outlines 4 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]
    for level in range(depth):
        number = 4 + level
        child = b" /First %d 0 R /Last %d 0 R" % (number + 1, number + 1) if level < depth - 1 else b""
        objects.append(b"<< /Title (Level %d)%s >>" % (level, child))
    return pdf(objects)


HOSTILE = {
    "entities.docx": (entity_expansion_docx, "declares entities"),
    "bomb.docx": (zip_bomb_docx, "inflates to 524 MB"),
    "inflating.pdf": (inflating_pdf, "decompression bomb"),  # pypdf caps the inflated stream
    "loop.pdf": (reference_loop_pdf, "cyclic page references"),
    "outline.pdf": (nested_outline_pdf, "no text layer"),  # read, outline ignored, no text
}


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(timeout_s=20, memory_mb=768) as box:
        yield box


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_file_is_rejected_in_bounded_time(sandbox, name):
    make, reason = HOSTILE[name]
    data = make()
    kind = "pdf" if name.endswith(".pdf") else "docx"
    started = time.monotonic()
    with pytest.raises(DocumentRejected, match=reason):
        sandbox.load(kind, data)
    assert time.monotonic() - started < 30


def test_a_reader_past_the_memory_limit_is_stopped():
    with (Sandbox(timeout_s=20, memory_mb=512) as box,
          pytest.raises(DocumentRejected, match="needed more than 512 MB")):
        box.call(bytearray, 2_000_000_000)  # stands in for a decompression bomb


def test_a_hung_reader_times_out_and_the_next_file_is_read(tmp_path):
    with Sandbox(timeout_s=1, memory_mb=768) as box:
        with pytest.raises(DocumentRejected, match="took longer than 1 s"):
            box.call(time.sleep, 30)  # stands in for a parser that never returns
        assert box.load("text", b"Our priorities for Wyvern are safety and support.")


def test_the_run_goes_on_and_the_store_is_unchanged(tmp_path):
    good = tmp_path / "wyvern-plan.txt"
    good.write_text("Wyvern Community Safety Plan 2024-2027\n\nWe will fund two refuges.\n")
    (tmp_path / "entities.docx").write_bytes(entity_expansion_docx())
    (tmp_path / "loop.pdf").write_bytes(reference_loop_pdf())
    store = InMemoryStore("fake")
    settings = Settings(store_dir=tmp_path / "store", corpus_dir=tmp_path, parse_timeout_s=20)
    report = Ingester(store, FakeEmbedder, load_manifest(tmp_path), settings).run(
        sorted(tmp_path.glob("*.*")))
    assert [name for name, _ in report.indexed] == ["wyvern-plan.txt"]
    assert {name for name, _ in report.rejected} == {"entities.docx", "loop.pdf"}
    assert {s.chunk.doc_id for s in store.all_chunks()} == {"wyvern-plan"}


def test_a_stopped_reader_pool_is_started_afresh():
    with Sandbox(30, 512) as box:
        box._pool.stop()  # as pebble leaves it once its workers cannot start
        box._pool.join()
        assert box.load("text", b"Our priorities are prevention and support.").pages


# No __main__ guard: the spawned reader re-runs this script and fails while it starts.
WORKERS_CANNOT_START = """
from ingest.sandbox import Sandbox
from kb.errors import DocumentRejected
with Sandbox(30, 512) as box:
    for n in range(3):
        try:
            box.load("text", b"Our priorities are prevention and support.")
            print("read")
        except DocumentRejected as exc:
            print("rejected:", exc)
"""


def test_a_reader_that_cannot_start_rejects_each_file_and_the_run_goes_on(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "host.py"
    script.write_text(WORKERS_CANNOT_START, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True,
                          text=True, timeout=240, check=False)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(lines) == 3 and all(line.startswith("rejected:") for line in lines), lines
