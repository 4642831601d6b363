"""Map features for systems journeys does not start: mail port, reader placeholders, hidden facts,
mail parts, ${ENV} in every URL, staff roles, existing accounts, segments, a system's own facts."""

from __future__ import annotations

import re

import pytest

from journeys.errors import ConfigError
from journeys.systems.fact_reader import FactReader

HEAD = """\
system: shop
base_url: http://127.0.0.1:1
"""

PAGE = (
    HEAD
    + """\
touchpoints:
  web.order:
    channel: web
    url: /orders/{order_number}
    facts:
      order.total: {css: "[data-order='{order_number}'] .total", kind: money}
      order.line: {testid: "line-{sku}", kind: text}
      order.code: {regex: "Code {order_number}: (\\\\d{4})", kind: text}
      details: {testid: details, kind: text, visible: false}
  app.order:
    channel: api
    request: {path: /api/orders}
    facts:
      order.total: {jsonpath: "$.orders[?(@.number == '{order_number}')].total", kind: money}
"""
)


def test_a_capture_on_a_port_of_the_maps_choosing(loads):
    assert loads(HEAD + "mail: {driver: capture, port: 2525}\ntouchpoints: {}\n").mail == {
        "driver": "capture",
        "port": 2525,
    }
    unset = loads(HEAD + 'mail: {driver: capture, port: "${SHOP_SMTP_PORT:-0}"}\ntouchpoints: {}\n')
    assert unset.mail["port"] == 0  # a free port, as without `port:`
    mail = "mail:\n  driver: capture\n  port: ${SHOP_SMTP_PORT}\ntouchpoints: {}\n"
    given = loads(HEAD + mail, {"SHOP_SMTP_PORT": "2626"})
    assert given.mail["port"] == 2626 and given.unset == ()


def test_a_capture_port_that_is_no_port_is_refused(refused):
    message, path = refused(HEAD + "mail: {driver: capture, port: smtp}\ntouchpoints: {}\n")
    assert f"{path}:3: mail/port: 'smtp' is not a port number." in message


def test_placeholders_work_in_every_reader_and_are_filled_safely(loads):
    shop = loads(PAGE)
    order = shop.touchpoint("web.order")
    assert order.placeholders() == ["order_number", "sku"]
    filled = order.filled({"order_number": 'RS-1"1', "sku": "tab-10"})
    assert filled.facts["order.total"].css == "[data-order='RS-1\\\"1'] .total"
    assert filled.facts["order.line"].selector == '[data-testid="line-tab-10"]'
    # In a regex the value is literal and the regex's own braces stay.
    code = filled.facts["order.code"].regex or ""
    assert code == 'Code RS\\-1"1: (\\d{4})' and re.search(code, 'Code RS-1"1: 4711')
    api = shop.touchpoint("app.order").filled({"order_number": "RS-7"})
    assert api.facts["order.total"].jsonpath == "$.orders[?(@.number == 'RS-7')].total"
    assert shop.touchpoint("app.order").facts["order.total"].placeholders() == ["order_number"]


def test_a_reader_placeholder_the_journey_does_not_know_names_the_readers_line(loads, write_map):
    order = loads(PAGE).touchpoint("web.order")
    with pytest.raises(ConfigError) as info:
        order.filled({"order_number": "RS-1"})
    line = PAGE.splitlines().index(next(x for x in PAGE.splitlines() if "order.line:" in x)) + 1
    assert str(info.value).startswith(f"{order.file}:{line}: touchpoint web.order: the testid reader needs {{sku}}")
    assert "(it knows: order_number)" in str(info.value)


@pytest.mark.parametrize("reader", ["css: '[data-x={0}]'", "testid: 'a{b.c}'", "jsonpath: '$.x[{1}]'"])
def test_bad_placeholders_in_readers_are_refused_at_load(refused, reader):
    message, path = refused(
        HEAD + f"touchpoints:\n  web.x:\n    channel: web\n    url: /\n    facts:\n      f: {{{reader}}}\n"
    )
    assert f"{path}:8: touchpoints/web.x/facts/f/" in message and "bad placeholder" in message


def test_hidden_facts_and_mail_parts_are_read_as_the_map_says(loads):
    shop = loads(
        PAGE
        + """\
  email.order:
    channel: email
    subject: Order
    facts:
      total.html: {regex: "Totaal: (.+)", part: html}
      total: {regex: "Totaal: (.+)"}
"""
    )
    assert shop.touchpoint("web.order").facts["details"].visible is False
    assert shop.touchpoint("web.order").facts["order.line"].visible is True
    facts = shop.touchpoint("email.order").facts
    assert (facts["total.html"].part, facts["total"].part) == ("html", None)


def test_a_part_is_for_mail_and_is_text_or_html(refused):
    message, path = refused(
        HEAD
        + """\
touchpoints:
  web.x:
    channel: web
    url: /
    facts:
      f: {testid: f, part: html}
  email.x:
    channel: email
    subject: X
    facts:
      g: {regex: "(.+)", part: pdf}
"""
    )
    assert f"{path}:8: touchpoints/web.x/facts/f/part: only a mail's facts are read from a part." in message
    assert f"{path}:13: touchpoints/email.x/facts/g/part: 'pdf': a mail fact is read from part text or html" in message


def test_env_references_are_expanded_in_every_url_of_the_map(loads):
    shop = loads(
        HEAD
        + """\
credentials:
  agent: {user_env: U, password_env: P, login: {url: "${SHOP_LOGIN:-/desk/login}"}}
touchpoints:
  web.order:
    channel: web
    url: ${SHOP_ORDERS}/{order_number}
  app.order:
    channel: api
    request: {path: "${SHOP_API:-/api}/orders/{order_number}"}
""",
        {"SHOP_ORDERS": "/bestellingen"},  # the run's variables, read where it started
    )
    assert shop.touchpoint("web.order").url == "/bestellingen/{order_number}"
    assert shop.touchpoint("app.order").request.path == "/api/orders/{order_number}"  # type: ignore[union-attr]
    assert shop.credentials["agent"]["login"]["url"] == "/desk/login"


def test_several_staff_roles_and_a_touchpoint_read_by_one(loads, refused):
    shop = loads(
        HEAD
        + """\
credentials:
  agent: {user_env: SHOP_AGENT_USER, password_env: SHOP_AGENT_PASSWORD}
  desk_agent: {user_env: DESK_USER, password_env: DESK_PASSWORD, login: {url: /desk/login}}
touchpoints:
  desk.ticket:
    channel: agent
    role: desk_agent
    url: /desk/tickets/{ticket}
"""
    )
    assert shop.touchpoint("desk.ticket").role == "desk_agent"
    assert shop.secret_env_names() == ["DESK_PASSWORD", "SHOP_AGENT_PASSWORD"]
    message, path = refused(
        HEAD
        + """\
credentials:
  agent: {user_env: U, password_env: P}
touchpoints:
  desk.ticket:
    channel: agent
    role: desk_agent
    url: /desk
  web.home:
    channel: web
    role: agent
    url: /
"""
    )
    assert f"{path}:8: touchpoints/desk.ticket/role: no credentials for role 'desk_agent' (roles: agent)" in message
    assert f"{path}:12: touchpoints/web.home/role: only an agent touchpoint is read by a staff role." in message


def test_existing_accounts_are_named_by_environment_variable_only(loads, refused):
    shop = loads(
        HEAD
        + "accounts:\n  anna: {email_env: SHOP_ANNA_EMAIL, password_env: SHOP_ANNA_PASSWORD, name: Anna de Vries}\n"
        + "touchpoints: {}\n"
    )
    assert shop.accounts["anna"]["email_env"] == "SHOP_ANNA_EMAIL"
    assert shop.accounts["anna"]["name"] == "Anna de Vries"
    assert "SHOP_ANNA_PASSWORD" in shop.secret_env_names()
    message, path = refused(
        HEAD + "accounts:\n  anna: {email_env: SHOP_ANNA_EMAIL, password: geheim}\ntouchpoints: {}\n"
    )
    assert f"{path}:4: accounts/anna/password: secrets are not written in the map: use password_env" in message
    assert f"{path}:4: accounts/anna/password_env: missing: an account needs it." in message


def test_segments_name_a_built_in_persona(loads, refused):
    assert loads(HEAD + "segments: [student, young-professional]\ntouchpoints: {}\n").segments == {
        "student": "student",
        "young-professional": "young-professional",
    }
    assert loads(HEAD + "segments: {guest: family, student: student}\ntouchpoints: {}\n").segments == {
        "guest": "family",
        "student": "student",
    }
    message, path = refused(HEAD + "segments: [student, guest]\ntouchpoints: {}\n")
    assert f"{path}:3: segments/guest: no built-in persona 'guest'." in message
    assert "`segments: {guest: family}`" in message and "young-professional" in message


def test_a_map_declares_its_own_facts_with_their_words(loads):
    shop = loads(
        HEAD
        + """\
facts:
  ticket.reference: {en: ticket reference, nl: het ticketnummer, kind: text}
  ticket.answer_by:
    en: [answer-by date, answer date]
    nl: de antwoorddatum
    kind: date
    promise: {touchpoint: web.ticket, fact: ticket.status, equals: answered}
touchpoints:
  web.ticket:
    channel: web
    url: /ticket
    facts:
      ticket.answer_by: {testid: answer-by}
      ticket.status: {testid: status}
"""
    )
    declared = shop.facts["ticket.answer_by"]
    assert (declared.kind, declared.en, declared.nl, declared.promise) == (
        "date",
        ("answer-by date", "answer date"),
        ("de antwoorddatum",),
        True,
    )
    assert declared.check is not None and declared.check["equals"] == "answered"
    assert shop.touchpoint("web.ticket").facts["ticket.answer_by"].kind == "date"  # the declared kind
    assert shop.fact_words()["het ticketnummer"] == "ticket.reference"


def test_a_reader_of_a_declared_fact_keeps_its_kind_and_a_promise_names_a_real_touchpoint(refused):
    message, path = refused(
        HEAD
        + """\
facts:
  ticket.answer_by: {en: answer-by date, kind: date, promise: {touchpoint: web.tickt, fact: ticket.status}}
  ticket.reference: {kind: text}
touchpoints:
  web.ticket:
    channel: web
    url: /ticket
    facts:
      ticket.answer_by: {testid: answer-by, kind: text}
"""
    )
    assert f"{path}:4: facts/ticket.answer_by/promise: no touchpoint 'web.tickt' here" in message
    assert f"{path}:5: facts/ticket.reference: give the words writers use for it" in message
    assert (
        f"{path}:11: touchpoints/web.ticket/facts/ticket.answer_by/kind: ticket.answer_by is declared as date"
        in message
    )


def test_a_fact_reader_equals_the_plain_one_when_nothing_new_is_set():
    assert FactReader("x", "text", testid="x") == FactReader("x", "text", testid="x", part=None, visible=True)
