"""Who walks a journey: a customer of a map's own segment, an existing account, a customer who signs up;
and what a mail's two parts say, checked on the journey."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from journeys.channels.fake import FakeDriver
from journeys.channels.mail import MailReading
from journeys.core.customer import Customer
from journeys.core.secrets import Secrets
from journeys.errors import ConfigError, StepError
from journeys.journey.journey import Journey
from journeys.systems.map_files import load_map
from journeys.systems.tasks import load_tasks

MAP = """\
system: shop
base_url: http://127.0.0.1:9
tasks: shop_tasks
segments: {guest: family, student: student}
accounts:
  anna: {email_env: SHOP_ANNA_EMAIL, password_env: SHOP_ANNA_PASSWORD, name: Anna de Vries, segment: student}
touchpoints:
  email.order:
    channel: email
    subject: Order
    facts:
      order.total: {regex: "Totaal: (.+)", kind: money}
      order.city: {regex: "Plaats: (.+)", kind: text}
"""

TASKS = """\
from journeys.systems.tasks import task

DONE = []


@task("log in")
def log_in(journey):
    DONE.append(("log in", journey.customer.email, journey.customer.password))


@task("create account")
def create_account(journey):
    DONE.append(("create account", journey.customer.email, journey.customer.password))


@task("log out")
def log_out(journey):
    DONE.append(("log out", journey.customer.email, None))


@task("check out")
def check_out(journey):
    journey.logged_in("email.order")  # the checkout made her account and logged her in: the task says so
"""


class _Clock:
    controllable = False

    def now(self) -> datetime:
        return datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def journey_on(
    tmp_path: Path, readings: dict[str, dict[str, Any]] | None = None, environ: dict[str, str] | None = None
) -> Journey:
    """A journey on the map below; ``environ``: the run's variables (its accounts' e-mail and password)."""
    (tmp_path / "shop.yaml").write_text(textwrap.dedent(MAP), encoding="utf-8")
    (tmp_path / "shop_tasks.py").write_text(TASKS, encoding="utf-8")
    shop = load_map(tmp_path / "shop.yaml")
    system = SimpleNamespace(
        map=shop,
        reports_dir=tmp_path / "reports",
        clock=_Clock(),
        touchpoint=shop.touchpoint,
        tasks=load_tasks(shop),
        secrets=Secrets(),
        driver=lambda channel, journey: FakeDriver(readings or {}, channel=channel),
        environ=environ or {},
    )
    return Journey(system, Customer.create(5, run_id="who"), name="who")  # type: ignore[arg-type]


def test_a_segment_of_the_maps_own_gets_its_persona(tmp_path):
    journey = journey_on(tmp_path)
    journey.cast(segment="guest")
    assert (journey.customer.segment, journey.customer.persona) == ("guest", "family")
    assert journey.ledger.customer["segment"] == "guest" and journey.ledger.customer["persona"] == "family"
    assert 30 <= journey.customer.age <= 50  # the family persona's ages


def test_an_unknown_segment_is_a_step_error_not_a_traceback(tmp_path):
    journey = journey_on(tmp_path)
    with pytest.raises(StepError, match="unknown segment 'tourist'.*`segments: {tourist: family}`"):
        journey.cast(segment="tourist")


def test_an_existing_account_walks_logged_in_and_the_ledger_records_who(tmp_path):
    anna = {"SHOP_ANNA_EMAIL": "anna@example.test", "SHOP_ANNA_PASSWORD": "Anna's-secret-9"}
    journey = journey_on(tmp_path, environ=anna)
    journey.as_account("anna")
    customer = journey.customer
    assert (customer.account, customer.email, customer.name, customer.first_name) == (
        "anna",
        "anna@example.test",
        "Anna de Vries",
        "Anna",
    )
    assert customer.segment == "student" and customer.key.startswith("anna-")
    assert journey.ledger.customer["account"] == "anna" and "password" not in journey.ledger.customer
    assert journey.memory["email"] == "anna@example.test" and journey.identified
    [login] = journey.ledger.logins  # her system's task "log in" did not say so: its name does
    assert (login.logged_in, login.touchpoint, login.where.channel) == (True, "log in", "task")
    done = journey.system.tasks.get("log in").__globals__["DONE"]
    assert done == [("log in", "anna@example.test", "Anna's-secret-9")]
    assert journey.system.secrets.redact("pw Anna's-secret-9") != "pw Anna's-secret-9"


def test_an_account_whose_variables_are_not_set_says_which(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOP_ANNA_EMAIL", "anna@example.test")  # the process's: never read here
    with pytest.raises(ConfigError, match=r"SHOP_ANNA_EMAIL \(.*shop.yaml:6: accounts.anna.email_env\) is not set"):
        journey_on(tmp_path).as_account("anna")


def test_an_account_no_map_names_is_refused_with_the_accounts_there_are(tmp_path):
    with pytest.raises(StepError, match=r"no account 'bob' in the maps of shop \(accounts: anna\)"):
        journey_on(tmp_path).as_account("bob")


def test_a_synthetic_customer_signs_up_and_logs_in(tmp_path):
    journey = journey_on(tmp_path)
    journey.sign_up()
    done = journey.system.tasks.get("log in").__globals__["DONE"]
    email, password = journey.customer.email, journey.customer.password
    assert done == [("create account", email, password), ("log in", email, password)]
    assert journey.identified


def test_a_task_that_says_she_logged_in_is_not_recorded_twice_and_log_out_ends_it(tmp_path):
    journey = journey_on(tmp_path)
    journey.do("check out")
    assert journey.identified
    journey.do("log in")  # logging in again is an event of its own
    journey.do("log out")
    assert not journey.identified
    logins = [(login.logged_in, login.touchpoint, login.where.channel) for login in journey.ledger.logins]
    assert logins == [(True, "email.order", "email"), (True, "log in", "task"), (False, "log out", "task")]


def test_setting_identified_by_hand_says_what_to_call_instead(tmp_path):
    journey = journey_on(tmp_path)
    with pytest.raises(StepError, match=r"journey.logged_in\(touchpoint\).*journey.logged_out\(touchpoint\)"):
        journey.identified = True
    assert not journey.identified and journey.ledger.logins == []


def test_who_she_is_cannot_change_once_she_is_on_her_way(tmp_path):
    journey = journey_on(tmp_path)
    journey.gave("email", journey.customer.email, "email.order")
    with pytest.raises(StepError, match="already on her way"):
        journey.as_account("anna")


def mail_reading(parts: dict[str, dict[str, Any]]) -> MailReading:
    raw = {fact: next(iter(seen.values())) for fact, seen in parts.items()}
    return MailReading("email.order", "email", "mailto:x", raw, ["evidence/x/email-01.eml"], [], None, parts)


def test_a_mail_whose_text_and_html_parts_disagree_is_a_violation_naming_both_parts(tmp_path):
    journey = journey_on(tmp_path)
    journey.observe(
        mail_reading(
            {
                "order.total": {"text": "€ 329,00", "html": "€ 349,00"},
                "order.city": {"text": "'s-Gravendeel", "html": "'s-Gravendeel"},
            }
        )
    )
    [violation] = journey.ledger.violations
    text = violation.render()
    assert text.startswith("InconsistentFact: order total differs between the parts of the mail at email.order")
    assert "email.order (text part)  € 329,00" in text and "email.order (HTML part)  € 349,00" in text
    assert "shop.yaml:12 names no `part:`" in text


def test_parts_that_agree_as_values_or_show_nothing_are_no_violation(tmp_path):
    journey = journey_on(tmp_path)
    journey.observe(
        mail_reading(
            {"order.total": {"text": "€ 329,00", "html": "EUR 329.00"}, "order.city": {"text": None, "html": None}}
        )
    )
    assert journey.ledger.violations == []


def test_a_fact_one_part_leaves_out_is_a_violation(tmp_path):
    journey = journey_on(tmp_path)
    journey.observe(mail_reading({"order.total": {"text": "€ 329,00", "html": None}}))
    [violation] = journey.ledger.violations
    assert "not in the HTML part" in violation.render()
