"""End to end in a real headless Chromium (Debian's, driven by Playwright) against
`streamlit run app.py` on a free loopback port. Screenshots go to test-artifacts/."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest

from tests.app_support import CHROMIUM, CHROMIUM_ARGS, PROJECT, fixture_env, serve_app

pytestmark = pytest.mark.browser
ARTIFACTS = PROJECT / "test-artifacts"


@pytest.fixture
def server(tmp_path):
    env = fixture_env(tmp_path)
    started = time.perf_counter()
    with serve_app(tmp_path, env) as url:
        yield url, started


def test_ask_compare_download_and_escaping(server, tmp_path):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: apt-get install chromium chromium-driver")
    url, started = server
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        chat = page.get_by_placeholder("Ask about the strategies", exact=False)
        chat.wait_for(timeout=60_000)
        ready = time.perf_counter() - started

        asked = time.perf_counter()
        chat.fill("What will Testshire do about employers?")
        chat.press("Enter")
        page.get_by_text("[1] Testshire Domestic Abuse Strategy", exact=False).first.wait_for(
            timeout=60_000)
        answered = time.perf_counter() - asked
        page.screenshot(path=str(ARTIFACTS / "ask.png"), full_page=True)

        chat.fill("What will Hostshire publish on council web pages?")
        chat.press("Enter")
        # tags are stripped at load (ingest.markup); what is left shows as text, never runs
        page.get_by_text("Publish the helpline alert('owned') on every", exact=False).first.wait_for(
            timeout=60_000)
        assert page.locator("img[src='x']").count() == 0
        page.screenshot(path=str(ARTIFACTS / "escaped.png"), full_page=True)

        page.get_by_role("tab", name="Compare").click()
        page.get_by_label("Theme or question").fill("perpetrator programmes")
        page.get_by_role("button", name="Compare", exact=True).click()
        page.get_by_text("no commitment found").first.wait_for(timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)
        with page.expect_download(timeout=60_000) as download_info:
            page.get_by_role("button", name="Download Word report").click()
        target = tmp_path / "comparison.docx"
        download_info.value.save_as(str(target))
        browser.close()
    table = docx.Document(str(target)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Area", "Aims and outcomes", "Indicators",
                                                     "Actions", "Context and figures"]
    assert dialogs == [], "a script from a document ran"
    (ARTIFACTS / "timings.txt").write_text(
        f"start to usable page: {ready:.1f} s\nEnter to cited answer: {answered:.2f} s\n")


def test_build_a_report_and_download_it_as_word(server, tmp_path):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: apt-get install chromium chromium-driver")
    url, _ = server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        page.goto(url)
        chat = page.get_by_placeholder("Ask about the strategies", exact=False)
        chat.wait_for(timeout=60_000)
        chat.fill("What will Testshire do about employers?")
        chat.press("Enter")
        page.get_by_text("[1] Testshire Domestic Abuse Strategy", exact=False).first.wait_for(
            timeout=60_000)
        page.get_by_role("button", name="Add to report").first.click()
        page.get_by_text("Added to Board report as item 1.").wait_for(timeout=60_000)

        page.get_by_role("tab", name="Compare").click()
        page.get_by_label("Theme or question").fill("perpetrator programmes")
        page.get_by_role("button", name="Compare", exact=True).click()
        page.get_by_text("no commitment found").first.wait_for(timeout=60_000)
        page.get_by_role("button", name="Add to report").first.click()
        page.get_by_text("Added to Board report as item 2.").wait_for(timeout=60_000)

        page.get_by_role("tab", name="Report").click()
        download_button = page.get_by_role("button", name="Download report (Word)")
        download_button.wait_for(timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        with page.expect_download(timeout=60_000) as download_info:
            download_button.click()
        target = tmp_path / "board-report.docx"
        download_info.value.save_as(str(target))
        browser.close()
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Board report", "Question: What will Testshire do about employers?",
                        "Comparison: perpetrator programmes", "References", "Sources and currency"]
    texts = [p.text for p in document.paragraphs]
    references = texts[texts.index("References") + 1:texts.index("Sources and currency")]
    assert [r.split("]")[0] for r in references] == [f"[{n}" for n in range(1, len(references) + 1)]
    assert document.tables[0].rows[0].cells[0].text == "Area"
