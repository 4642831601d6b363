"""The journey map as a person sees it: opened from disk in a real Chromium (tests of the map import it)."""

from __future__ import annotations

from pathlib import Path

from journeys.channels.browser_launch import ARGS

CHROMIUM = "/usr/bin/chromium"


def look(page_file: Path, screenshot: Path) -> dict:
    """Open the map, open every journey in turn; what is on screen, and the page's script errors."""
    from playwright.sync_api import sync_playwright

    seen: dict = {"errors": [], "lines": [], "journeys": 0, "red": [], "red_cells": 0, "wide": 0}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.on("pageerror", lambda error: seen["errors"].append(str(error)))
            page.goto(page_file.as_uri())
            seen["red_cells"] = page.locator("td.bad").count()
            rows = page.locator("tr.row")
            seen["journeys"] = rows.count()
            for n in range(rows.count()):
                page.goto(page_file.as_uri() + "#")
                page.locator("tr.row").nth(n).click()
                map_ = page.locator("svg.journey-map")
                map_.wait_for(state="visible")
                assert page.locator("svg.journey-map g.stop").count() >= 4
                seen["wide"] = max(seen["wide"], page.evaluate("document.documentElement.scrollWidth"))
                seen["red"] += page.evaluate(
                    """[...document.querySelectorAll('svg.journey-map g.stop')]
                       .filter(g => g.querySelector('rect').getAttribute('stroke') === '#c62828')
                       .map(g => g.dataset.touchpoint)"""
                )
                for line in page.locator("svg.journey-map g.conflict").all():
                    if line.is_visible():
                        seen["lines"].append(" ".join(line.locator("text").all_text_contents()))
                if n == 0:
                    page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return seen
