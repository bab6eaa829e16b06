"""Officer uploads: hostile names, a second version of the same file, the size cap."""

from kb.uploads import safe_name


def test_hostile_names_become_safe_file_names():
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("C:\\Users\\me\\strategy.docx") == "strategy.docx"
    escaped = safe_name("plan\x00\x1b[31m\n.pdf")
    assert escaped == "plan-31m.pdf" and escaped.isprintable()
    assert safe_name("...  .") == "document"
    long = safe_name("é" * 200 + ".txt")
    assert len(long.encode()) <= 255 and long.endswith(".txt")
    assert "/" not in safe_name("a/b/c/" + "x" * 300 + ".pdf")


def test_a_new_version_replaces_the_old_and_the_report_says_so(fake_kb, tmp_path):
    first = b"Wyvern Refuge Plan 2024-2027\n\nWe will open a refuge in Wyvern town centre.\n"
    second = b"Wyvern Refuge Plan 2024-2027\n\nWe will open two refuges and a sanctuary scheme.\n"
    report = fake_kb.ingest_uploads([("wyvern-plan.txt", first)], {"area": "wyvern"})
    assert [n for n, _ in report.indexed] == ["wyvern-plan.txt"] and not report.replaced
    report = fake_kb.ingest_uploads([("wyvern-plan.txt", second)], {"area": "wyvern"})
    assert report.replaced == ["wyvern-plan.txt"]
    texts = " ".join(h.text for h in fake_kb.search("refuge sanctuary", k=10, areas=["wyvern"]))
    assert "two refuges" in texts and "town centre" not in texts


def test_the_same_name_twice_in_one_upload_and_the_size_cap(fake_kb):
    big = b"x" * (fake_kb.settings.max_file_mb * 1_000_000 + 1)
    report = fake_kb.ingest_uploads(
        [("plan.txt", b"Calder plan 2024\n\nWe will train every GP practice in Calder.\n"),
         ("sub/plan.txt", b"Calder plan 2024\n\nA different text with other words in it.\n"),
         ("huge.txt", big)], {"area": "calder"})
    reasons = dict(report.rejected)
    assert [n for n, _ in report.indexed] == ["plan.txt"]
    assert "uploaded twice" in reasons["plan.txt"] and "file too large" in reasons["huge.txt"]
