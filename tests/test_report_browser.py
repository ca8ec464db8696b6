"""The report page in a real browser: opened from a file:// URL with no network, every week
of the timeline drawn, a click on a week showing its notes. A screenshot is kept in
test-artifacts/ (git-ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest

from weeknote_parser import parse_file
from weeknote_parser.series import build_series
from weeknote_parser.series.report import report_html

from . import report_browser
from .conftest import EXAMPLES, ROOT

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser_ready() -> None:
    reason = report_browser.missing()
    if reason is None:
        return
    if report_browser.REQUIRED:
        pytest.fail(f"WEEKNOTE_BROWSER_TESTS=required, but {reason}")
    pytest.skip(reason)


def test_the_report_opens_from_disk_and_a_click_shows_the_week(
    browser_ready: None, tmp_path: Path
) -> None:
    folder = EXAMPLES / "series"
    notes = sorted(path for path in folder.iterdir() if path.suffix in (".md", ".txt"))
    documents = [parse_file(path) for path in notes]
    assert len(documents) == 7
    found = build_series(documents)
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(found, documents), encoding="utf-8")
    weeks = sum(len(series.timeline) for series in found.series)
    series = found.series[0]
    chosen = next(
        week
        for week in series.timeline
        if len(week.notes) == 1 and week.week > series.timeline[0].week
    )
    gap = next(week for week in series.timeline if not week.notes)

    with report_browser.page() as tab:
        tab.goto(page_file.as_uri())
        assert tab.locator("rect.week").count() == weeks
        tab.locator(f'rect.week[data-week="{chosen.week}"]').click()
        shown = tab.locator("article.note.shown")
        assert shown.count() == 1
        assert shown.locator("h4").text_content() == chosen.notes[0].title
        assert tab.locator(".selection").text_content() == f"{chosen.week}: 1 note"
        assert tab.locator(f'rect.week.selected[data-week="{chosen.week}"]').count() == 1
        tab.locator(f'rect.week[data-week="{gap.week}"]').click()
        assert tab.locator("article.note.shown").count() == 0
        assert "no note (a gap)" in (tab.locator(".selection").text_content() or "")
        tab.get_by_role("button", name="Show every note").click()
        assert tab.locator("article.note.shown").count() == len(series.notes)
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        assert tab.script_errors == []
    assert (ARTIFACTS / "report.png").stat().st_size > 0


def test_a_script_in_a_title_is_shown_as_text(browser_ready: None, tmp_path: Path) -> None:
    note = tmp_path / "n.txt"  # plain text: the tags are the title's own characters
    note.write_text(
        "# Weeknote 10.24: <script>document.title='hacked'</script>\n\n"
        "- <img src=x onerror=\"document.title='hacked'\">\n",
        encoding="utf-8",
    )
    documents = [parse_file(note)]
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(build_series(documents), documents), encoding="utf-8")
    with report_browser.page() as tab:
        tab.goto(page_file.as_uri())
        assert tab.title() == "Weeknotes"
        heading = tab.locator("article.note h4").text_content() or ""
        assert "<script>document.title='hacked'</script>" in heading
        assert tab.locator("article.note img").count() == 0
        item = tab.locator("article.note li").text_content() or ""
        assert item.startswith("<img src=x")
        assert tab.script_errors == []


def test_each_week_of_a_two_week_note_shows_it_and_keys_work(
    browser_ready: None, tmp_path: Path
) -> None:
    (tmp_path / "a.md").write_text("# Weeknotes 14-15, 2024\n\nTwo weeks.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Weeknote 17.24\n\nOne week.\n", encoding="utf-8")
    documents = [parse_file(tmp_path / name) for name in ("a.md", "b.md")]
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(build_series(documents), documents), encoding="utf-8")
    with report_browser.page() as tab:
        tab.goto(page_file.as_uri())
        tab.locator('rect.week[data-week="2024-W15"]').click()
        assert tab.locator(".selection").text_content() == "2024-W15: 1 note"
        assert tab.locator("article.note.shown h4").text_content() == "Weeknotes 14-15, 2024"
        tab.locator('rect.week[data-week="2024-W17"]').focus()
        tab.keyboard.press("Enter")
        assert tab.locator(".selection").text_content() == "2024-W17: 1 note"
        assert tab.locator("article.note.shown h4").text_content() == "Weeknote 17.24"
        assert tab.script_errors == []


def test_the_calendar_is_one_tab_stop_walked_with_the_arrow_keys(
    browser_ready: None, tmp_path: Path
) -> None:
    for number, name in [(50, "a"), (52, "b"), (1, "c"), (2, "d")]:
        year = 23 if number > 10 else 24
        text = f"# Weeknote {number:02d}.{year}\n\nWork.\n"
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    documents = [parse_file(tmp_path / f"{name}.md") for name in "abcd"]
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(build_series(documents), documents), encoding="utf-8")
    with report_browser.page() as tab:
        tab.goto(page_file.as_uri())
        assert tab.locator('rect.week[tabindex="0"]').count() == 1
        tab.keyboard.press("Tab")
        focused = "document.activeElement.getAttribute('data-week')"
        assert tab.evaluate(focused) == "2023-W50"
        tab.keyboard.press("ArrowRight")
        assert tab.evaluate(focused) == "2023-W51"
        assert tab.locator(".selection").text_content() == "2023-W51: no note (a gap)"
        tab.keyboard.press("End")
        assert tab.evaluate(focused) == "2024-W02"
        tab.keyboard.press("ArrowUp")  # 2023-W02 is outside the series: no move
        assert tab.evaluate(focused) == "2024-W02"
        tab.keyboard.press("Home")
        assert tab.locator(".selection").text_content() == "2023-W50: 1 note"
        assert tab.locator('rect.week[tabindex="0"]').get_attribute("data-week") == "2023-W50"
        tab.keyboard.press("Tab")  # out of the calendar in one step
        assert tab.evaluate("document.activeElement.tagName.toLowerCase()") != "rect"
        assert tab.script_errors == []


def test_the_notes_of_a_series_in_no_week_are_shown(browser_ready: None, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Thoughts on maps\n\nNo week named.\n", encoding="utf-8")
    documents = [parse_file(tmp_path / "a.md")]
    long = "# Weeknote 10.24\n\n" + "".join(f"- item {i}\n" for i in range(200))
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "b.md").write_text(long, encoding="utf-8")
    documents.insert(0, parse_file(tmp_path / "x" / "b.md"))  # a long series above it
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(build_series(documents), documents), encoding="utf-8")
    with report_browser.page() as tab:
        tab.goto(page_file.as_uri())
        assert tab.locator("#s1 article.note").is_visible()
        assert tab.locator("#s1 .selection").text_content() == "every note"
        assert tab.script_errors == []
        assert tab.evaluate("window.scrollY") == 0
