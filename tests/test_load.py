"""The app under load: one `streamlit run app.py` over the fixture store (fake embedder) and
LOAD_SESSIONS (default 30) concurrent officers in one headless Chromium, each in its own
browser context, each asking five questions and then running a comparison, while one more
officer uploads a strategy through the Library tab and asks about it.

Asserts: no exception or error on any page and no traceback in the server log, every answer
cited ([n] marker and a numbered source expander), the upload reported as indexed. Prints and
writes (to $LOAD_REPORT, else the test's tmp dir) the Enter-to-answer times: p50, p95, max,
and the wall time. Not in the default run: `pytest -m load tests/test_load.py -s`, or
`scripts/load_test.sh`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.async_api import Error as PlaywrightError

from tests.app_support import CHROMIUM, CHROMIUM_ARGS, PROJECT, fixture_env, serve_app

pytestmark = pytest.mark.load
ARTIFACTS = PROJECT / "test-artifacts"
SESSIONS = int(os.environ.get("LOAD_SESSIONS", "30"))
WALL_LIMIT_S = float(os.environ.get("LOAD_TIMEOUT_S", "1500"))  # the whole run
# one page load, answer, comparison or upload step; generous for 2 shared cores
STEP_MS = int(float(os.environ.get("LOAD_STEP_TIMEOUT_S", "300")) * 1000)
RAMP_S = 0.25  # between session starts
QUESTIONS = ("What will Testshire do about employers?",
             "How will Northshire measure prosecutions?",
             "What will Northshire do about sanctuary schemes?",
             "What will Testshire do about refuge services?",
             "What will Northshire do about perpetrator programmes?")
UPLOAD_NAME = "kent-plan.txt"
UPLOAD_TEXT = """Kent Domestic Abuse Strategy 2024-2029

What we will do

- Deliver healthy relationships lessons in every Kent secondary school.
- Fund a helpline for Kent employers who support staff experiencing domestic abuse.
"""
UPLOAD_QUESTION = "What will Kent do in secondary schools?"
MESSAGE = '[data-testid="stChatMessage"]'
EXPANDER_LABEL = '[data-testid="stExpander"] summary'
PROBLEMS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


@dataclass
class Session:
    name: str
    ready_s: float = 0.0
    answers_s: list[float] = field(default_factory=list)
    compare_s: float | None = None
    upload_s: float | None = None
    errors: list[str] = field(default_factory=list)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(q / 100 * len(ordered)) - 1, 0)]


async def page_problems(page) -> list[str]:
    """Exception boxes, error alerts and traceback text on the page as it is now."""
    found = [" ".join((await p.inner_text()).split())[:300] for p in await page.locator(PROBLEMS).all()]
    body = await page.locator("body").inner_text()
    found += [f"page text contains {word!r}" for word in ("Traceback", "cannot continue")
              if word in body]
    return found


async def failed(page, session: Session, exc: Exception) -> None:
    """Record a failed step and keep a screenshot of the page as it was."""
    session.errors.append(f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}")
    with contextlib.suppress(PlaywrightError):
        await page.screenshot(path=str(ARTIFACTS / f"load-{session.name}.png"), full_page=True)


async def ask(page, session: Session, turn: int, question: str) -> None:
    """Type a question, press Enter, wait for the cited answer; record Enter-to-answer."""
    chat = page.get_by_placeholder("Ask about the strategies", exact=False)
    await chat.fill(question, timeout=STEP_MS)
    pressed = time.perf_counter()
    await chat.press("Enter", timeout=STEP_MS)
    answer = page.locator(MESSAGE).nth(2 * turn + 1)
    await answer.locator(EXPANDER_LABEL).first.wait_for(timeout=STEP_MS)
    session.answers_s.append(time.perf_counter() - pressed)
    asked = " ".join((await page.locator(MESSAGE).nth(2 * turn).inner_text()).split())
    text = await answer.inner_text()
    sources = [s.strip() for s in await answer.locator(EXPANDER_LABEL).all_inner_texts()]
    if question not in asked:
        session.errors.append(f"turn {turn}: the question shown is {asked!r}, not {question!r}")
    if "[1]" not in text or not any("[1] " in s for s in sources):
        session.errors.append(f"turn {turn}: answer to {question!r} is not cited: {text[:200]!r}")


async def officer(browser, url: str, session: Session, answered: asyncio.Event) -> None:
    """Five questions in the Ask tab, then a comparison in the Compare tab."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        started = time.perf_counter()
        await page.goto(url, timeout=STEP_MS)
        await page.get_by_placeholder("Ask about the strategies", exact=False).wait_for(
            timeout=STEP_MS)
        session.ready_s = time.perf_counter() - started
        for turn, question in enumerate(QUESTIONS):
            await ask(page, session, turn, question)
            answered.set()
        session.errors += await page_problems(page)
        started = time.perf_counter()
        await page.get_by_role("tab", name="Compare").click(timeout=STEP_MS)
        await page.get_by_label("Theme or question").fill("perpetrator programmes", timeout=STEP_MS)
        await page.get_by_role("button", name="Compare", exact=True).click(timeout=STEP_MS)
        await page.locator("table").first.wait_for(timeout=STEP_MS)
        await page.get_by_role("button", name="Download Word report").wait_for(timeout=STEP_MS)
        session.compare_s = time.perf_counter() - started
        table = await page.locator("table").first.inner_text()
        if "northshire" not in table or "testshire" not in table:
            session.errors.append(f"comparison table lacks an area: {table[:200]!r}")
        session.errors += await page_problems(page)
    except (PlaywrightError, TimeoutError) as exc:  # this session's failure, not the run's
        await failed(page, session, exc)
    finally:
        await context.close()


async def uploader(browser, url: str, session: Session, answered: asyncio.Event) -> None:
    """Once the officers are answering: upload a strategy in the Library tab, then ask about it."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url, timeout=STEP_MS)
        await page.get_by_role("tab", name="Library").click(timeout=STEP_MS)
        await page.get_by_role("button", name="Ingest").wait_for(timeout=STEP_MS)
        await asyncio.wait_for(answered.wait(), STEP_MS / 1000)
        started = time.perf_counter()
        await choose_file(page)
        await page.get_by_label("Area: a council name or an area key", exact=False).fill("Kent", timeout=STEP_MS)
        await page.get_by_role("button", name="Ingest").click(timeout=STEP_MS)
        await page.get_by_text(f"{UPLOAD_NAME}: indexed", exact=False).wait_for(timeout=STEP_MS)
        session.upload_s = time.perf_counter() - started
        session.errors += await page_problems(page)
        await page.get_by_role("tab", name="Ask").click(timeout=STEP_MS)
        await ask(page, session, 0, UPLOAD_QUESTION)
        sources = await page.locator(MESSAGE).nth(1).locator(EXPANDER_LABEL).all_inner_texts()
        if not any("Kent" in s for s in sources):
            session.errors.append(f"the uploaded strategy is not cited: {sources!r}")
        session.errors += await page_problems(page)
    except (PlaywrightError, TimeoutError) as exc:
        await failed(page, session, exc)
    finally:
        await context.close()


async def choose_file(page) -> None:
    """Put the file in the uploader; tried again if a rerun replaced the input meanwhile."""
    for attempt in range(5):
        await page.locator('input[type="file"]').set_input_files(
            files=[{"name": UPLOAD_NAME, "mimeType": "text/plain", "buffer": UPLOAD_TEXT.encode()}],
            timeout=STEP_MS)
        try:
            await page.locator('[data-testid="stFileUploader"]').get_by_text(UPLOAD_NAME).wait_for(
                timeout=min(STEP_MS, 30_000 * (attempt + 1)))
        except PlaywrightError:
            continue
        else:
            return
    raise TimeoutError(f"the uploader never showed {UPLOAD_NAME}")


async def drive(url: str, officers: list[Session], upload: Session) -> None:
    from playwright.async_api import async_playwright

    answered = asyncio.Event()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tasks = [asyncio.create_task(uploader(browser, url, upload, answered))]
            for session in officers:
                tasks.append(asyncio.create_task(officer(browser, url, session, answered)))
                await asyncio.sleep(RAMP_S)
            await asyncio.gather(*tasks)
        finally:
            await browser.close()


def test_thirty_officers_and_an_upload(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: apt-get install chromium chromium-driver")
    ARTIFACTS.mkdir(exist_ok=True)
    log = tmp_path / "streamlit.log"
    officers = [Session(f"officer-{n:02d}") for n in range(1, SESSIONS + 1)]
    upload = Session("uploader")
    with serve_app(tmp_path, fixture_env(tmp_path), log) as url:
        started = time.perf_counter()
        try:
            asyncio.run(asyncio.wait_for(drive(url, officers, upload), WALL_LIMIT_S))
        except TimeoutError:
            upload.errors.append(f"the run passed LOAD_TIMEOUT_S ({WALL_LIMIT_S:.0f} s)")
        wall = time.perf_counter() - started
    times = [t for s in officers for t in s.answers_s]
    errors = {s.name: s.errors for s in [*officers, upload] if s.errors}
    server_log = log.read_text(errors="replace")
    if "Traceback" in server_log:
        errors["server"] = [server_log[server_log.index("Traceback"):][:2000]]
    report = {
        "sessions": SESSIONS, "questions_per_session": len(QUESTIONS),
        "answers": len(times), "errors": sum(len(e) for e in errors.values()),
        "enter_to_answer_s": {"p50": percentile(times, 50), "p95": percentile(times, 95),
                              "max": max(times), "min": min(times)} if times else None,
        "page_ready_s": {"p50": percentile([s.ready_s for s in officers], 50),
                         "max": max(s.ready_s for s in officers)},
        "compare_s": {"p50": percentile([s.compare_s for s in officers if s.compare_s], 50),
                      "max": max(s.compare_s for s in officers if s.compare_s)}
        if any(s.compare_s for s in officers) else None,
        "upload_s": upload.upload_s, "upload_answer_s": upload.answers_s,
        "wall_s": wall, "cpu_count": os.cpu_count(), "error_detail": errors,
    }
    target = Path(os.environ.get("LOAD_REPORT") or tmp_path / "load_report.json")
    target.write_text(json.dumps(report, indent=2))
    if times:
        print(f"\n{SESSIONS} sessions x {len(QUESTIONS)} questions + 1 upload: {len(times)} answers, "
              f"{report['errors']} errors; Enter to answer p50 {percentile(times, 50):.2f} s, "
              f"p95 {percentile(times, 95):.2f} s, max {max(times):.2f} s; "
              f"upload {upload.upload_s}; wall {wall:.1f} s; report: {target}")
    assert not errors, json.dumps(errors, indent=2)[:4000]
    assert len(times) == SESSIONS * len(QUESTIONS)
    assert upload.upload_s is not None and len(upload.answers_s) == 1
