"""The API driver with httpx.MockTransport, once against a local server; and the system-down probe."""

from __future__ import annotations

import json

import httpx
import pytest
from evidence_search import files_containing

from journeys.channels.api import HttpApiDriver
from journeys.errors import ChannelError, ConfigError, SystemUnreachable
from journeys.systems.fact_reader import FactReader, RequestTemplate
from journeys.systems.probe import probe
from journeys.systems.touchpoint_map import Touchpoint

ORDER = {
    "order_number": "RS-1001",
    "status": "Onderweg",
    "total": "329.00",
    "currency": "EUR",
    "delivery_date": "2026-11-25",
    "track_and_trace": None,
    "lines": [{"sku": "tablet-10"}, {"sku": "case"}],
}

APP_ORDER = Touchpoint(
    "app.order",
    "api",
    None,
    RequestTemplate("GET", "/api/orders/{order_number}", {"email": "{email}"}),
    None,
    None,
    {
        "order.total": FactReader("order.total", "money", jsonpath="$.total", currency_path="$.currency", line=5),
        "order.status": FactReader("order.status", "status", jsonpath="$.status", line=6),
        "tt": FactReader("tt", "text", jsonpath="$.track_and_trace", line=7),
        "skus": FactReader("skus", "text", jsonpath="$.lines[*].sku", many=True, line=8),
        "missing": FactReader("missing", "text", jsonpath="$.nope", line=9),
    },
    4,
    "shop.yaml",
)


def mock(handler) -> httpx.MockTransport:
    return httpx.MockTransport(handler)


def test_call_fills_the_request_reads_facts_by_jsonpath_and_keeps_the_exchange(evidence, secrets):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=ORDER)

    api = HttpApiDriver("http://shop.test/", evidence, "anna-1", secrets, transport=mock(handler))
    reading = api.call(APP_ORDER, order_number="RS 1001/x", email="anna+1@example.test", name="Anna")
    assert str(seen[0].url) == "http://shop.test/api/orders/RS%201001%2Fx?email=anna%2B1%40example.test"
    assert reading.raw == {
        "order.total": "329.00 EUR",
        "order.status": "Onderweg",
        "tt": None,
        "skus": ["tablet-10", "case"],
        "missing": None,
    }
    assert reading.missing() == ["tt", "missing"]
    assert (reading.touchpoint, reading.channel) == ("app.order", "api")
    assert reading.evidence == ["evidence/anna-1/api-01-app.order.json"]
    saved = json.loads((evidence.reports_dir / reading.evidence[0]).read_text())
    assert saved["request"]["method"] == "GET"
    assert saved["response"]["status"] == 200
    assert saved["response"]["body"]["order_number"] == "RS-1001"


def test_tokens_from_the_environment_are_sent_and_never_saved(evidence, secrets):
    tp = Touchpoint(
        "app.order",
        "api",
        None,
        RequestTemplate(
            "POST",
            "/api/orders",
            body={"email": "{email}", "note": "token tok-9f8e7d6c5b"},
            token_env="SHOP_APP_TOKEN",
            header="Authorization",
        ),
        None,
        None,
        {"n": FactReader("n", "order_ref", jsonpath="$.order_number")},
        4,
        "shop.yaml",
    )

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == "tok-9f8e7d6c5b"
        assert json.loads(request.content) == {
            "email": "anna@example.test",
            "note": "token tok-9f8e7d6c5b",
        }
        return httpx.Response(201, json={"order_number": "RS-1", "echo": "tok-9f8e7d6c5b"})

    variables = {"SHOP_APP_TOKEN": "tok-9f8e7d6c5b"}  # the run's, read from the environment where it started
    api = HttpApiDriver("http://shop.test", evidence, "anna-1", secrets, transport=mock(handler), environ=variables)
    assert api.call(tp, email="anna@example.test").raw == {"n": "RS-1"}
    assert files_containing(evidence.folder, "tok-9f8e7d6c5b") == []
    assert files_containing(evidence.folder, "•••")


def test_a_token_variable_that_is_not_set_is_a_config_error(evidence, secrets, monkeypatch):
    monkeypatch.delenv("SHOP_APP_TOKEN", raising=False)
    tp = Touchpoint(
        "app.order",
        "api",
        None,
        RequestTemplate("GET", "/x", token_env="SHOP_APP_TOKEN", header="Authorization"),
        None,
        None,
        {},
        4,
        "shop.yaml",
    )
    api = HttpApiDriver(
        "http://shop.test",
        evidence,
        "anna-1",
        secrets,
        transport=mock(lambda r: httpx.Response(200)),
    )
    with pytest.raises(
        ConfigError,
        match="shop.yaml:4: touchpoint app.order needs a token from the environment"
        " variable SHOP_APP_TOKEN, which is not set",
    ):
        api.call(tp)


def test_an_error_status_fails_with_touchpoint_url_status_and_evidence(evidence, secrets):
    api = HttpApiDriver(
        "http://shop.test",
        evidence,
        "anna-1",
        secrets,
        transport=mock(lambda r: httpx.Response(404, json={"error": "unknown order"})),
    )
    with pytest.raises(ChannelError) as info:
        api.call(APP_ORDER, order_number="RS-404", email="anna@example.test")
    assert str(info.value) == (
        "anna-1 at app.order: GET http://shop.test/api/orders/RS-404?email=anna%40example.test"
        " answered 404"
        ' Not Found: {"error":"unknown order"} (evidence: evidence/anna-1/api-01-app.order.json).'
    )


def test_an_answer_that_is_not_json_says_so(evidence, secrets):
    api = HttpApiDriver(
        "http://shop.test",
        evidence,
        "anna-1",
        secrets,
        transport=mock(lambda r: httpx.Response(200, html="<p>login</p>")),
    )
    with pytest.raises(ChannelError, match="answered text/html; charset=utf-8, not JSON"):
        api.call(APP_ORDER, order_number="RS-1", email="a@b.test")


def test_the_store_channel_uses_its_own_address(evidence, secrets):
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"store_delivery_date": "2026-11-26"})

    tp = Touchpoint(
        "store.lead_time",
        "store",
        None,
        RequestTemplate("GET", "/lead-time", {"sku": "{sku}"}),
        None,
        None,
        {"d": FactReader("d", "date", jsonpath="$.store_delivery_date")},
        1,
        "shop.yaml",
    )
    api = HttpApiDriver(
        "http://shop.test",
        evidence,
        "anna-1",
        secrets,
        transport=mock(handler),
        channel_urls={"store": "http://pos.test/v2/"},
    )
    assert api.call(tp, sku="tablet-10").raw == {"d": "2026-11-26"}
    assert seen == ["http://pos.test/v2/lead-time?sku=tablet-10"]


def test_request_is_the_road_for_tasks(evidence, secrets):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"case_number": "C-7", "got": json.loads(request.content)})

    api = HttpApiDriver("http://shop.test", evidence, "anna-1", secrets, transport=mock(handler))
    answer = api.request("POST", "/api/chat", json={"message": "kapot", "kind": "complaint"})
    assert answer == {"case_number": "C-7", "got": {"message": "kapot", "kind": "complaint"}}
    assert (evidence.folder / "api-01-post-api-chat.json").is_file()


def test_against_a_local_server(site, evidence, secrets):
    site.json("/api/orders/RS-1001", ORDER)
    api = HttpApiDriver(site.url, evidence, "anna-1", secrets)
    try:
        reading = api.call(APP_ORDER, order_number="RS-1001", email="anna@example.test")
    finally:
        api.close()
    assert reading.raw["order.total"] == "329.00 EUR"
    assert site.requests[0]["path"] == "/api/orders/RS-1001?email=anna%40example.test"


def test_connection_refused_is_system_unreachable_at_once(evidence, secrets, closed_port):
    class Counting(httpx.HTTPTransport):
        attempts = 0

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            Counting.attempts += 1
            return super().handle_request(request)

    api = HttpApiDriver(f"http://127.0.0.1:{closed_port}", evidence, "anna-1", secrets, transport=Counting())
    with pytest.raises(SystemUnreachable) as info:
        api.call(APP_ORDER, order_number="RS-1", email="a@b.test")
    assert Counting.attempts == 1  # at once: one refused connection is the answer, not retries until a timeout
    assert str(info.value) == (
        f"anna-1 at app.order: http://127.0.0.1:{closed_port}/api/orders/RS-1 did not answer"
        " within 5 s (connection refused): start the system or pass --base-url."
    )
    assert info.value.url == f"http://127.0.0.1:{closed_port}/api/orders/RS-1"


def test_probe_returns_when_the_system_answers_even_with_an_error_page(site):
    probe(site.url + "/nothing-here", timeout=2)


def test_probe_says_what_to_do_when_nothing_answers(closed_port):
    url = f"http://127.0.0.1:{closed_port}"
    with pytest.raises(SystemUnreachable) as info:
        probe(url, timeout=0.5)
    assert str(info.value) == (
        f"{url} did not answer within 0.5 s (connection refused): start the system, pass --base-url,"
        " or give it longer with --http-timeout."
    )
