"""The journey map as a person sees it, after a real run: a mail that never came is a box of its own.

The map of the order journey, with and without the stale mail total, is tested with the order
journey's own runs (test_order_journey.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from map_page import CHROMIUM

from journeys.channels.browser_launch import ARGS

pytestmark = pytest.mark.e2e


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
