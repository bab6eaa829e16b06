"""`python -m kb report ...` on a small fixture store (fake embedder), through kb.cli.main."""

from __future__ import annotations

import re

import docx
import pytest

from kb.cli import main
from tests.app_support import fixture_env


@pytest.fixture
def store_env(tmp_path, monkeypatch):
    env = fixture_env(tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_report_new_add_list_move_export(store_env, capsys, tmp_path):
    assert run(capsys, "report", "new", "March board")[0] == 0
    assert run(capsys, "report", "add", "March board", "ask",
               "What will Testshire do about employers?")[0] == 0
    code, out, _ = run(capsys, "report", "add", "March board", "compare", "perpetrator programmes",
                       "--area", "testshire", "--area", "northshire", "--note", "For discussion")
    assert code == 0 and "added item 2 (compare)" in out
    assert run(capsys, "report", "add", "March board", "register", "northshire")[0] == 0
    code, out, _ = run(capsys, "report", "list")
    assert out.strip() == "March board  (3 items)"
    code, out, _ = run(capsys, "report", "move", "March board", "2", "-1")
    assert out.splitlines()[0] == "1. [comparison] Comparison: perpetrator programmes"
    assert "period ended" in out  # the fixture strategies' periods have ended
    target = tmp_path / "march.docx"
    code, out, _ = run(capsys, "report", "export", "March board", "--out", str(target))
    assert code == 0 and target.is_file()
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    references = texts[texts.index("References") + 1:texts.index("Sources and currency")]
    numbers = [int(re.match(r"\[(\d+)\]", r).group(1)) for r in references]
    assert numbers == list(range(1, len(numbers) + 1))
    assert document.tables[0].rows[0].cells[0].text == "Area"
    markdown = tmp_path / "march.md"
    assert run(capsys, "report", "export", "March board", "--out", str(markdown))[0] == 0
    assert markdown.read_text(encoding="utf-8").startswith("# March board")


def test_report_errors_are_messages(store_env, capsys, tmp_path):
    code, _, err = run(capsys, "report", "add", "nope", "ask", "anything")
    assert code == 1 and "no report named 'nope'" in err
    run(capsys, "report", "new", "A")
    code, _, err = run(capsys, "report", "new", "a")
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "report", "remove", "A", "3")
    assert code == 1 and "has no item 3" in err
    code, _, err = run(capsys, "report", "export", "A", "--out", str(tmp_path / "a.pdf"))
    assert code == 1 and ".docx or .md" in err
    code, _, err = run(capsys, "report", "new", "../..")
    assert code == 1 and "letters or digits" in err
