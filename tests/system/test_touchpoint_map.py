"""Loading touchpoint maps: a valid map loads; every refusal names file:line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeys.errors import ConfigError
from journeys.systems.fact_reader import FactReader, RequestTemplate
from journeys.systems.map_files import find_map, load_map
from journeys.systems.touchpoint_map import Touchpoint

ROOT = Path(__file__).resolve().parents[2]

FULL = r"""
system: refshop
title: Tulp Electronics (the embedded reference shop)
embedded: refshop
base_url: ${JOURNEYS_TEST_BASE_URL}
urls: {store: "${JOURNEYS_TEST_STORE_URL:-http://127.0.0.1:9/pos}"}
tasks: shop_tasks
timezone: Europe/Amsterdam
clock:
  now: {method: GET, path: /__clock, read: $.now}
  set: {method: POST, path: /__clock, body: {set: "{iso}"}, token_env: REFSHOP_CLOCK_TOKEN, header: X-Clock-Token}
  advance: {method: POST, path: /__clock, body: {advance_seconds: "{seconds}"},
            token_env: REFSHOP_CLOCK_TOKEN, header: X-Clock-Token}
mail:
  driver: capture
credentials:
  agent: {user_env: REFSHOP_AGENT_USER, password_env: REFSHOP_AGENT_PASSWORD}
vocabulary:
  status: {Besteld: ordered, "In behandeling": picked, Onderweg: shipped, Bezorgd: delivered}
segments: [student, family, senior, business]
touchpoints:
  web.product:
    channel: web
    url: /product/{sku}
    ready: "[data-testid=product-name]"
    facts:
      product.price: {testid: price, kind: money}
      delivery.promise: {testid: delivery-promise, kind: text}
      delivery.date: {testid: delivery-date, kind: date}
  web.order_confirmation:
    channel: web
    url: /orders/{order_number}/confirmation
    facts:
      order.number: {testid: order-number, kind: order_ref}
      order.total: {css: "[data-testid=order-total]", kind: money}
      recommendations: {testid: recommendation, kind: text, many: true}
  email.order_confirmation:
    channel: email
    subject: "Bevestiging van je bestelling (?P<order_number>RS-\\d+)"
    facts:
      order.total: {regex: "Totaal:\\s*(.+)", kind: money}
  app.order:
    channel: api
    request: {method: GET, path: "/api/orders/{order_number}", query: {email: "{email}"}}
    facts:
      order.total: {jsonpath: "$.total", kind: money, currency_path: "$.currency"}
      order.status: {jsonpath: "$.status", kind: status}
  agent.customer:
    channel: agent
    url: /agent/customers?q={email}
    facts:
      agent.orders: {testid: agent-order, kind: order_ref, many: true}
  chat.conversation:
    channel: chat
    url: /chat
    facts:
      case.number: {testid: case-number, kind: text}
  store.lead_time:
    channel: store
    request: {method: GET, path: /api/store/lead-time, query: {sku: "{sku}"}}
    facts:
      delivery.date: {jsonpath: $.store_delivery_date, kind: date}
"""


def test_the_full_example_loads_into_typed_dataclasses(write_map):
    write_map("", "shop_tasks.py")
    m = load_map(write_map(FULL), {"JOURNEYS_TEST_BASE_URL": "http://127.0.0.1:5000"})  # the run's variables
    assert (m.system, m.embedded, m.tasks, m.timezone) == (
        "refshop",
        "refshop",
        "shop_tasks",
        "Europe/Amsterdam",
    )
    assert m.base_url == "http://127.0.0.1:5000"
    assert m.url_for("store") == "http://127.0.0.1:9/pos"
    assert m.url_for("web") == "http://127.0.0.1:5000"
    assert m.url_for("web", "http://other:1/") == "http://other:1"
    assert list(m.touchpoints) == [
        "web.product",
        "web.order_confirmation",
        "email.order_confirmation",
        "app.order",
        "agent.customer",
        "chat.conversation",
        "store.lead_time",
    ]
    product = m.touchpoint("web.product")
    assert isinstance(product, Touchpoint)
    lines = FULL.splitlines()
    assert (product.channel, product.url, product.ready, product.line) == (
        "web",
        "/product/{sku}",
        "[data-testid=product-name]",
        lines.index("  web.product:") + 1,
    )
    price_line = next(i for i, line in enumerate(lines) if "product.price:" in line) + 1
    assert product.facts["product.price"] == FactReader("product.price", "money", testid="price", line=price_line)
    assert product.facts["product.price"].selector == '[data-testid="price"]'
    assert m.touchpoints["web.order_confirmation"].facts["recommendations"].many is True
    app = m.touchpoints["app.order"]
    assert app.request == RequestTemplate("GET", "/api/orders/{order_number}", {"email": "{email}"})
    assert app.facts["order.total"].currency_path == "$.currency"
    assert app.placeholders() == ["order_number", "email"]
    assert m.vocabulary["status"]["In behandeling"] == "picked"
    assert m.clock["set"]["body"] == {"set": "{iso}"}
    assert m.secret_env_names() == ["REFSHOP_AGENT_PASSWORD", "REFSHOP_CLOCK_TOKEN"]
    assert m.mail == {"driver": "capture"}
    assert m.tasks_path == m.path.parent / "shop_tasks.py"


def test_the_shipped_reference_shop_map_loads():
    m = find_map("refshop", ROOT / "journeys" / "systems")
    assert m.system == "refshop"
    assert m.touchpoint("email.order_confirmation").channel == "email"


def test_an_unset_base_url_is_left_to_the_command_line(loads, monkeypatch):
    monkeypatch.delenv("JOURNEYS_TEST_BASE_URL", raising=False)
    m = loads("""
        system: shop
        base_url: ${JOURNEYS_TEST_BASE_URL}
        touchpoints: {}
    """)
    assert m.base_url is None
    assert m.url_for("web") is None


def test_env_defaults_apply_when_unset(loads, monkeypatch):
    monkeypatch.delenv("JOURNEYS_TEST_BASE_URL", raising=False)
    m = loads("""
        system: shop
        base_url: ${JOURNEYS_TEST_BASE_URL:-http://127.0.0.1:8000}
        touchpoints: {}
    """)
    assert m.base_url == "http://127.0.0.1:8000"


# -- refusals: each with file:line, the key, and what to do ----------------------


def test_unknown_channel_names_file_line_and_the_closest_channel(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          web.home:
            channel: webb
            url: /
    """)
    assert message.startswith(f"{path}:5: touchpoints/web.home/channel: unknown channel 'webb'.")
    assert "Did you mean 'web'?" in message


def test_sms_is_refused_as_not_supported_yet(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          sms.delivery:
            channel: sms
    """)
    assert f"{path}:5: touchpoints/sms.delivery/channel:" in message
    assert "not supported yet" in message


def test_unknown_keys_are_refused_with_the_closest_valid_key(refused):
    message, path = refused("""
        system: shop
        timezon: Europe/Amsterdam
        touchpoints:
          web.home:
            channel: web
            url: /
            redy: "#main"
            facts:
              title: {testId: title, kind: text}
    """)
    lines = message.splitlines()
    assert lines[0] == (
        f"{path}:3: timezon: unknown key. Did you mean 'timezone'? Valid here: system, title,"
        " embedded, base_url, urls, tasks, timezone, clock, mail, credentials, accounts, vocabulary,"
        " segments, facts, fields, touchpoints."
    )
    assert lines[1].startswith(f"{path}:8: touchpoints/web.home/redy: unknown key. Did you mean 'ready'?")
    assert lines[2].startswith(
        f"{path}:10: touchpoints/web.home/facts/title/testId: unknown key. Did you mean 'testid'?"
    )


def test_a_fact_without_a_reader_is_refused(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          web.home:
            channel: web
            url: /
            facts:
              title: {kind: text}
    """)
    assert f"{path}:8: touchpoints/web.home/facts/title: no reader: say how to read it from a page" in message


def test_a_reader_that_does_not_fit_the_channel_is_refused(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          app.order:
            channel: api
            request: {path: /api/orders/1}
            facts:
              total: {testid: total, kind: money}
    """)
    assert f"{path}:8: touchpoints/app.order/facts/total/testid: cannot read a JSON body with testid" in message


def test_a_bad_regex_is_refused(refused):
    message, path = refused(r"""
        system: shop
        touchpoints:
          email.confirmation:
            channel: email
            subject: 'Order (RS-\d+'
            facts:
              total: {regex: 'Total: (.+', kind: money}
    """)
    assert f"{path}:6: touchpoints/email.confirmation/subject: not a valid regex" in message
    assert f"{path}:8: touchpoints/email.confirmation/facts/total/regex: not a valid regex" in message


def test_a_bad_jsonpath_is_refused(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          app.order:
            channel: api
            request: {path: /api/orders/1}
            facts:
              total: {jsonpath: "$.[[total", kind: money}
    """)
    assert f"{path}:8: touchpoints/app.order/facts/total/jsonpath: not a valid JSONPath" in message
    assert "A JSONPath reads like $.total" in message  # what one looks like, not the parser's grammar


def test_an_unknown_kind_is_refused_with_the_closest_kind(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          web.home:
            channel: web
            url: /
            facts:
              price: {testid: price, kind: mony}
    """)
    assert f"{path}:8: touchpoints/web.home/facts/price/kind: unknown kind 'mony'. Did you mean 'money'?" in message
    assert "Kinds: money, date, order_ref, status, text, name, address, count." in message


def test_a_fact_shown_only_in_some_states_is_marked_optional(loads):
    m = loads("""
        system: shop
        touchpoints:
          web.account_order:
            channel: web
            url: /account/orders/{order_number}
            facts:
              callback.made: {testid: callback, kind: text, optional: true}
              order.total: {testid: order-total, kind: money}
    """)
    facts = m.touchpoint("web.account_order").facts
    assert (facts["callback.made"].optional, facts["order.total"].optional) == (True, False)


def test_optional_must_be_true_or_false(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          web.home:
            channel: web
            url: /
            facts:
              price: {testid: price, kind: money, optional: sometimes}
              title: {testid: title, optionl: true}
    """)
    assert f"{path}:8: touchpoints/web.home/facts/price/optional: must be true or false." in message
    assert f"{path}:9: touchpoints/web.home/facts/title/optionl: unknown key. Did you mean 'optional'?" in message


@pytest.mark.parametrize(
    "url",
    ["/orders/{0}", "/orders/{order.number}", "/orders/{order_number", "/orders/{order_number!r}"],
)
def test_bad_placeholders_in_url_templates_are_refused(refused, url):
    message, path = refused(f"""
        system: shop
        touchpoints:
          web.order:
            channel: web
            url: "{url}"
    """)
    assert message.startswith(f"{path}:6: touchpoints/web.order/url: bad placeholder")


def test_bad_placeholders_in_request_templates_are_refused(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          app.order:
            channel: api
            request:
              path: /api/orders/{order number}
              query: {email: "{e-mail}"}
    """)
    assert f"{path}:7: touchpoints/app.order/request/path: bad placeholder" in message
    assert f"{path}:8: touchpoints/app.order/request/query/email: bad placeholder" in message


def test_each_channel_needs_its_own_way_in(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          email.confirmation:
            channel: email
            url: /mail
          app.order:
            channel: api
          chat.help:
            channel: chat
    """)
    assert f"{path}:4: touchpoints/email.confirmation: an email touchpoint needs `subject:`" in message
    assert f"{path}:6: touchpoints/email.confirmation/url: not used by an email touchpoint" in message
    assert f"{path}:7: touchpoints/app.order: an api touchpoint needs `request:" in message
    assert f"{path}:9: touchpoints/chat.help: a chat touchpoint needs either `url:`" in message


def test_secrets_written_into_the_map_are_refused(refused):
    message, path = refused("""
        system: shop
        credentials:
          agent: {user_env: SHOP_AGENT, password: hunter2, token_env: "not a name"}
        touchpoints: {}
    """)
    assert f"{path}:4: credentials/agent/password: secrets are not written in the map: use password_env" in message
    assert f"{path}:4: credentials/agent/token_env: 'not a name' is not an environment variable name" in message


def test_a_missing_task_module_bad_timezone_and_incomplete_mail_are_refused(refused):
    message, path = refused("""
        system: shop
        tasks: shop_tasks
        timezone: Europe/Amsterdan
        mail: {driver: imap, host: mail.example.test}
        touchpoints: {}
    """)
    assert f"{path}:3: tasks: no task module {path.parent / 'shop_tasks.py'}" in message
    assert f"{path}:4: timezone: unknown time zone 'Europe/Amsterdan'" in message
    assert f"{path}:5: mail/user_env: the imap mail driver needs `user_env`." in message
    assert f"{path}:5: mail/password_env: the imap mail driver needs `password_env`." in message


def test_unknown_mail_driver_is_refused(refused):
    message, path = refused("""
        system: shop
        mail: {driver: mailhog}
        touchpoints: {}
    """)
    assert f"{path}:3: mail/driver: unknown mail driver 'mailhog'." in message


def test_a_map_without_touchpoints_or_system_is_refused(refused):
    message, path = refused("""
        title: nothing here
    """)
    assert f"{path}:1: touchpoints: missing" in message
    assert "system: missing: this key is required." in message


def test_yaml_syntax_errors_name_the_line(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          web.home: {channel: web, url: /
    """)
    # The mistake's own line, not the line after it where YAML noticed it.
    assert message.startswith(
        f"{path}:4: not valid YAML: a {{ opened on this line is not closed (or a ',' is missing between its"
        " entries) (YAML noticed it at line 5). Fix it there."
    )


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        ("system: shop\ntouchpoints\nfacts: {}\n", 2, "this line has no ':' after its key"),
        ("system: shop\ntitle: Shop: the best\n", 2, "a second ':' on this line: put the value in quotes"),
        ("system: 'shop\ntitle: x\n", 1, "a quote opened on this line is not closed"),
        ("system: shop\ntouchpoints:\n\tweb.home: {}\n", 3, "a tab indents this line: indent with spaces"),
    ],
)
def test_yaml_mistakes_are_told_in_the_writers_words_at_their_line(tmp_path, text, line, said):
    path = tmp_path / "shop.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_map(path)
    assert str(info.value).startswith(f"{path}:{line}: not valid YAML: {said}")


def test_every_problem_is_reported_at_once_in_line_order(refused):
    message, _ = refused("""
        system: shop
        touchpoints:
          a: {channel: web, url: /, facts: {x: {testid: x, kind: bogus}}}
          b: {channel: nope}
          c: {channel: api, request: {path: /x}, facts: {y: {kind: text}}}
    """)
    lines = message.splitlines()
    assert len(lines) == 3
    assert [line.split(":")[1] for line in lines] == ["4", "5", "6"]


def test_the_error_carries_file_and_first_line(refused):
    with pytest.raises(ConfigError) as info:
        raise ConfigError("x")
    assert info.value.file is None
    message, path = refused("""
        system: shop
        touchpoints:
          a: {channel: nope}
    """)
    assert message.startswith(str(path))


# -- finding maps and touchpoints -----------------------------------------------


def test_find_map_by_name_and_by_path(write_map, tmp_path):
    path = write_map("system: shop\ntouchpoints: {}\n")
    assert find_map("shop", tmp_path).path == path
    assert find_map(str(path)).system == "shop"


def test_find_map_of_an_unknown_system_lists_the_known_ones(write_map, tmp_path):
    write_map("system: shop\ntouchpoints: {}\n")
    with pytest.raises(ConfigError) as info:
        find_map("shoop", tmp_path)
    assert "no touchpoint map for system 'shoop'" in str(info.value)
    assert "Did you mean 'shop'?" in str(info.value)
    assert "Known: refshop, shop." in str(info.value)  # the project's maps and the bundled ones


def test_a_bundled_map_is_found_where_the_project_has_none(tmp_path):
    assert find_map("refshop", tmp_path).system == "refshop"


def test_an_unknown_touchpoint_suggests_the_closest(loads):
    m = loads("""
        system: shop
        touchpoints:
          web.checkout: {channel: web, url: /checkout}
    """)
    with pytest.raises(ConfigError) as info:
        m.touchpoint("web.chekout")
    assert "no touchpoint 'web.chekout'" in str(info.value)
    assert "Did you mean 'web.checkout'?" in str(info.value)


def test_tasks_may_live_in_several_modules_named_in_a_list(tmp_path):
    from journeys.systems.map_files import load_map
    from journeys.systems.tasks import load_tasks

    (tmp_path / "shop_tasks.py").write_text(
        "from journeys.systems.tasks import task\n\n@task('place order')\ndef place(journey):\n    pass\n"
    )
    (tmp_path / "shop_service_tasks.py").write_text(
        "from journeys.systems.tasks import task\n\n@task('phone about order')\ndef phone(journey):\n    pass\n"
    )
    path = tmp_path / "shop.yaml"
    path.write_text(
        "system: shop\nbase_url: http://127.0.0.1:1\ntasks: [shop_tasks, shop_service_tasks]\n"
        "touchpoints:\n  web.home: {channel: web, url: /, facts: {}}\n"
    )
    shop = load_map(path)
    assert [p.name for p in shop.tasks_paths] == ["shop_tasks.py", "shop_service_tasks.py"]
    assert load_tasks(shop).names == ["phone about order", "place order"]


def test_a_key_that_does_nothing_on_its_reader_is_refused(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          web.home:
            channel: web
            url: /
            facts:
              title: {regex: 'Welkom (.+)', kind: text, visible: false}
              label: {regex: 'Label (.+)', kind: text, attr: data-kind}
          app.order:
            channel: api
            request: {path: /api/orders/1}
            facts:
              total: {jsonpath: $.total, kind: money, currency_path: $.currency}
    """)
    assert (
        f"{path}:8: touchpoints/web.home/facts/title/visible: does nothing on a regex reader"
        " (only with testid or css): remove it." in message
    )
    assert f"{path}:9: touchpoints/web.home/facts/label/attr: does nothing on a regex reader" in message
    assert "currency_path" not in message  # it does something on a jsonpath reader


def test_an_empty_reader_is_refused_not_dropped(refused):
    message, path = refused("""
        system: shop
        touchpoints:
          web.home:
            channel: web
            url: /
            facts:
              title: {css: h1, regex: "", kind: text}
    """)
    assert f"{path}:8: touchpoints/web.home/facts/title/regex: is empty: give it a value, or remove it." in message
