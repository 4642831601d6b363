"""The journey map as a person sees it: opened from disk in a real Chromium, after a real run.

With the ``email-total-stale`` fault the map draws a red line from the
confirmation page to the confirmation mail with both totals on it, and only
the mail, the odd one out, is red; on the clean shop nothing is red. The
page fits a 1440 px window. A screenshot of each is kept in the test's tmp
folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journeys.channels.browser_launch import ARGS

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
FEATURE = "features/order/web_order.feature"


def _look(page_file: Path, screenshot: Path) -> dict:
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


def test_a_stale_mail_total_is_a_red_line_with_both_totals(run_journeys, tmp_path: Path):
    run = run_journeys(FEATURE, faults=("email-total-stale",))
    assert run.exit_code == 1, run.output
    page_file = run.reports / "journey-map.html"
    assert page_file.is_file(), run.output
    assert "€ 349,00" in (run.reports / "summary.md").read_text(encoding="utf-8")

    seen = _look(page_file, tmp_path / "journey-map-fault.png")

    assert seen["errors"] == []
    assert seen["journeys"] == 2
    assert any("order.total" in line and "€ 329,00" in line and "€ 349,00" in line for line in seen["lines"]), seen
    assert seen["red"] == ["email.order_confirmation"] and seen["red_cells"] == 1, seen  # the odd one out only
    assert seen["wide"] <= 1440, seen
    assert (tmp_path / "journey-map-fault.png").stat().st_size > 10_000


def test_a_clean_run_draws_no_red_line(run_journeys, tmp_path: Path):
    run = run_journeys(FEATURE)
    assert run.exit_code == 0, run.output

    seen = _look(run.reports / "journey-map.html", tmp_path / "journey-map-clean.png")

    assert seen["errors"] == [] and seen["journeys"] == 2
    assert seen["lines"] == [] and seen["red"] == [] and seen["red_cells"] == 0, seen
    assert (tmp_path / "journey-map-clean.png").is_file()


def test_a_mail_that_never_came_is_a_missing_box_a_product_defect_and_its_own_line(run_journeys, tmp_path: Path):
    import json

    from playwright.sync_api import sync_playwright

    run = run_journeys("features/delivery/shipping_notice.feature:7", faults=("no-track-trace-email",))
    assert run.exit_code == 1, run.output
    summary = (run.reports / "summary.md").read_text(encoding="utf-8")
    assert "| features/delivery/shipping_notice.feature:12 | **MailNotReceived** |" in summary, summary
    results = [json.loads(p.read_text()) for p in (run.reports / "allure-results").glob("*-result.json")]
    assert [r["status"] for r in results] == ["failed"]  # the customer's defect, not a broken test

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto((run.reports / "journey-map.html").as_uri() + "#j0")
            page.locator("svg.journey-map").wait_for(state="visible")
            missing = page.locator("g.stop.missing")
            assert missing.count() == 1 and missing.get_attribute("data-touchpoint") == "email.shipping_notice"
            assert "mail" in page.locator("g.pinned text").all_text_contents()  # the lane, as the writer says it
            banner = page.locator("pre.violation").first
            assert banner.evaluate("e => e.scrollWidth <= e.clientWidth")  # wrapped, not cut
            assert "MailNotReceived" in banner.inner_text()
            page.screenshot(path=str(tmp_path / "journey-map-missing-mail.png"), full_page=True)
        finally:
            browser.close()
