"""The order journey through the harness against the same journey as a plain script.

Both run against one embedded reference shop and one SMTP capture, in the
same process, interleaved: order a tablet on the web, read the confirmation
mail, look the order up in the API, compare number, total and date.

- harness: ``Journey`` with the refshop map and tasks (ledger, screenshots,
  evidence, trace, rules);
- plain: Playwright + httpx + the same capture, the same clicks and reads,
  nothing kept.

Prints the median of each and the ratio harness/plain (target: at most 1.25).

    .venv/bin/python bench/order_journey.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from journeys.customer import Customer  # noqa: E402
from journeys.journey import Journey  # noqa: E402
from journeys.session import SystemSession  # noqa: E402


def harness_round(session: SystemSession, index: int) -> None:
    journey = Journey(session, Customer.create(5, index=index, run_id="bench"), name="bench")
    journey.do("place order", sku="tablet-10")
    journey.visit("email.order_confirmation")
    journey.visit("app.order")
    for fact in ("order.number", "order.total", "delivery.date"):
        journey.agree(fact)
    journey.close()
    assert not journey.ledger.violations, journey.ledger.violations


def plain_round(session: SystemSession, index: int) -> None:
    customer = Customer.create(5, index=index, run_id="plain")
    base = session.base_url
    context = session.browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/product/tablet-10")
    [page.get_by_test_id(t).inner_text() for t in ("price", "delivery-promise", "delivery-date")]
    page.fill("[name=quantity]", "1")
    page.get_by_test_id("add-to-cart").click()
    page.goto(f"{base}/checkout")
    [page.get_by_test_id(t).inner_text() for t in ("checkout-total", "delivery-date")]
    for name, value in (
        ("name", customer.name),
        ("email", customer.email),
        ("street", customer.street),
        ("postcode", customer.postcode),
        ("city", customer.city),
        ("password", customer.password),
        ("birthdate", customer.birthdate.isoformat()),
    ):
        page.fill(f"[name={name}]", value)
    page.get_by_test_id("place-order").click()
    page.wait_for_load_state("load")
    number = page.get_by_test_id("order-number").inner_text()
    total = page.get_by_test_id("order-total").inner_text()
    day = page.get_by_test_id("delivery-date").inner_text()
    page.get_by_test_id("delivery-address").inner_text()
    deadline = time.monotonic() + 10
    while not (mails := [m for m in session.mail_capture.messages(customer.email) if number in m.subject]):
        if time.monotonic() > deadline:
            raise RuntimeError("no confirmation mail")
        session.mail_capture.wait_for_more(len(session.mail_capture.messages()), 0.05)
    body = mails[0].text
    mail_total = re.search(r"Totaal:\s*(.+)", body).group(1).strip()
    answer = httpx.get(f"{base}/api/orders/{number}", params={"email": customer.email}).json()
    assert mail_total == total and answer["order_number"] == number and day
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as reports:
        session = SystemSession("refshop", reports_dir=reports, systems_dir=ROOT / "journeys/systems")
        try:
            session.browser.new_context().close()  # launch the browser outside the timings
            harness_round(session, 0)  # warm both paths once
            plain_round(session, 0)
            times: dict[str, list[float]] = {"harness": [], "plain": []}
            for i in range(1, rounds + 1):
                for name, run in (("harness", harness_round), ("plain", plain_round)):
                    started = time.perf_counter()
                    run(session, i)
                    times[name].append(time.perf_counter() - started)
        finally:
            session.close()
    harness, plain = statistics.median(times["harness"]), statistics.median(times["plain"])
    print(f"order journey, {rounds} rounds each, interleaved")
    print(f"  plain script  median {plain * 1000:7.0f} ms")
    print(f"  harness       median {harness * 1000:7.0f} ms")
    print(f"  ratio harness/plain  {harness / plain:.2f}  (target <= 1.25)")


if __name__ == "__main__":
    main()
