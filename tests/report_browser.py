"""Opening a series report in headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright for Python), for the browser test and for the screenshot in the docs.

    python -m tests.report_browser examples/series docs/images/report.png

writes the report of a folder to a temporary file, opens it from disk and saves a
screenshot of it. Nothing is downloaded: Playwright's own browsers are never installed.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("WEEKNOTE_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Under this setting (CI sets it) a missing browser fails the browser test instead of
# skipping it.
REQUIRED = os.environ.get("WEEKNOTE_BROWSER_TESTS") == "required"


def missing() -> str | None:
    """Why the browser cannot run here, or None if it can."""
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install '.[browser]')"
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    return None


@contextlib.contextmanager
def page(width: int = 1200, height: int = 800) -> Iterator[Any]:
    """A fresh browser page: headless Chromium with a user-data folder of its own, removed
    afterwards. Errors the page's script raises are collected in ``page.script_errors``."""
    # Imported by name: Playwright is an optional extra, typed or not where this is checked.
    sync_api: Any = importlib.import_module("playwright.sync_api")
    profile = tempfile.mkdtemp(prefix="weeknote-chromium-")
    try:
        with sync_api.sync_playwright() as driver:
            context = driver.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                args=ARGS,
                headless=True,
                viewport={"width": width, "height": height},
                offline=True,
            )
            try:
                tab: Any = context.new_page()
                errors: list[str] = []
                tab.on("pageerror", lambda error: errors.append(str(error)))
                tab.script_errors = errors
                yield tab
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(folder: Path, target: Path) -> None:
    """The report of ``folder``, opened from disk, saved as a PNG screenshot at ``target``."""
    import subprocess
    import sys

    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "weeknote_parser", "report", str(folder), "-o", str(report),
             "--title", "Weeknotes: a series", "-q"],
            check=True, timeout=120,
        )  # fmt: skip
        with page(width=1100, height=900) as tab:
            tab.goto(report.resolve().as_uri())
            tab.locator("rect.week.w2").first.click()
            target.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(target), full_page=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("target", type=Path)
    arguments = parser.parse_args()
    reason = missing()
    if reason is not None:
        raise SystemExit(f"cannot take the screenshot: {reason}")
    screenshot(arguments.folder, arguments.target)
    print(f"wrote {arguments.target}")


if __name__ == "__main__":
    main()
