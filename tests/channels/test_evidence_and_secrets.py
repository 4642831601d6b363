"""Evidence file names and places; redaction of secrets, in text, kept traces and HAR files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import httpx

from journeys.channels.trace_masking import mask_har, mask_trace
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets, is_secret_header


def test_names_are_stable_numbered_per_channel_and_relative_to_the_reports_folder(tmp_path):
    store = EvidenceStore(tmp_path, "anna-3")
    assert store.save("web", "web.checkout", ".png", b"png") == "evidence/anna-3/web-01-web.checkout.png"
    assert store.save("email", "email.order_confirmation", "eml", b"x") == (
        "evidence/anna-3/email-01-email.order_confirmation.eml"
    )
    assert store.save("web", "web.order_confirmation", ".png", b"png") == (
        "evidence/anna-3/web-02-web.order_confirmation.png"
    )
    assert store.save("api", "app.order", ".json", "{}") == "evidence/anna-3/api-01-app.order.json"
    assert store.write_text("ledger.json", "{}") == "evidence/anna-3/ledger.json"
    assert (tmp_path / "evidence" / "anna-3" / "web-02-web.order_confirmation.png").read_bytes() == b"png"


def test_a_second_store_for_the_same_customer_does_not_overwrite(tmp_path):
    EvidenceStore(tmp_path, "anna-3").save("web", "web.product", ".png", b"first")
    assert EvidenceStore(tmp_path, "anna-3").save("web", "web.product", ".png", b"second") == (
        "evidence/anna-3/web-02-web.product.png"
    )


def test_unsafe_characters_never_leave_the_customer_folder(tmp_path):
    store = EvidenceStore(tmp_path, "../anna 3")
    path = store.save("web", "../../etc/passwd", ".png", b"x")
    assert path == "evidence/anna-3/web-01-etc-passwd.png"


def test_a_store_with_secrets_redacts_text(tmp_path):
    store = EvidenceStore(tmp_path, "anna-3", Secrets(["hunter22"]))
    store.write_text("note.txt", "password hunter22")
    assert (store.folder / "note.txt").read_text() == "password •••"


def test_redact_masks_every_secret_and_its_url_encoded_forms():
    secrets = Secrets()
    secrets.add_env_names(["SHOP_AGENT_PASSWORD", "SHOP_UNSET"], {"SHOP_AGENT_PASSWORD": "p@ss word!"})
    secrets.add("tok-123456")
    text = "login p@ss word! / form p%40ss+word%21 / url p%40ss%20word%21 / header tok-123456"
    assert secrets.redact(text) == "login ••• / form ••• / url ••• / header •••"
    assert secrets.redact_bytes(b"x tok-123456 y") == "x ••• y".encode()


def test_short_or_empty_values_are_not_secrets():
    secrets = Secrets(["", "ab", None])  # type: ignore[list-item]
    assert len(secrets) == 0
    assert secrets.redact("ab cd") == "ab cd"


def test_a_longer_secret_containing_a_shorter_one_is_masked_whole():
    secrets = Secrets(["geheim", "supergeheim123"])
    assert secrets.redact("supergeheim123") == "•••"


SESSION = "eyJhZ2VudCI6ImFnZW50In0.aw2F_Q.lG1tMCQlWhh7DlcUcdZ0SA9om9I"
OTHER_COOKIE = "consent-3f9a2c"
BEARER = "Bearer-tok-8d7c6b5a"
PROXY = "cHJveHk6c2VjcmV0"
API_KEY = "key-41b2c3d4e5"
PASSWORD = "Agent-Pw-77"
LEAKS = (SESSION, OTHER_COOKIE, BEARER, PROXY, API_KEY, PASSWORD)


def _headers(**headers: str) -> list[dict[str, str]]:
    return [{"name": name.replace("_", "-"), "value": value} for name, value in headers.items()]


def _exchange() -> dict[str, Any]:
    """One request and response as Playwright's trace and a HAR record them."""
    return {
        "request": {
            "method": "GET",
            "url": "http://127.0.0.1:5000/agent/",
            "cookies": [{"name": "tulp_session", "value": SESSION}, {"name": "consent", "value": OTHER_COOKIE}],
            "headers": _headers(
                Accept="text/html",
                Cookie=f"tulp_session={SESSION}; consent={OTHER_COOKIE}",
                Authorization=f"Bearer {BEARER}",
                Proxy_Authorization=f"Basic {PROXY}",
                X_Api_Key=API_KEY,
            ),
        },
        "response": {
            "status": 303,
            "cookies": [{"name": "tulp_session", "value": SESSION, "httpOnly": True, "path": "/"}],
            "headers": _headers(
                **{"Content-Type": "text/html", "set-cookie": f"tulp_session={SESSION}; HttpOnly; Path=/"}
            ),
        },
    }


def _trace(path: Path) -> Path:
    """A trace.zip as Playwright writes one: event lines, network lines, page bodies, a screenshot."""
    events = [
        {
            "type": "context-options",
            "options": {
                "storageState": {"cookies": [{"name": "tulp_session", "value": SESSION, "domain": "127.0.0.1"}]},
                "extraHTTPHeaders": {"Authorization": f"Bearer {BEARER}", "Accept-Language": "nl-NL"},
            },
        },
        {"type": "before", "callId": "c1", "method": "fill", "params": {"selector": "#pw", "value": PASSWORD}},
        {
            "type": "before",
            "callId": "c2",
            "method": "setExtraHTTPHeaders",
            "params": {"headers": _headers(X_Api_Key=API_KEY)},
        },
        {"type": "after", "callId": "c3", "result": {"cookies": [{"name": "consent", "value": OTHER_COOKIE}]}},
        {"type": "frame-snapshot", "snapshot": {"html": ["P", {}, f"debug: session {SESSION}"]}},
    ]
    network = [{"type": "resource-snapshot", "snapshot": _exchange()}]
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("trace.trace", "\n".join(json.dumps(e) for e in events) + "\n")
        z.writestr("trace.network", "\n".join(json.dumps(e) for e in network) + "\n")
        z.writestr("resources/page.html", f"<p>Ingelogd, sessie {SESSION}, sleutel {API_KEY}</p>")
        z.writestr("resources/shot.png", b"\x89PNG pixels")
    return path


def _entries(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name).decode("utf-8", "replace") for name in z.namelist()}


def test_a_kept_trace_keeps_no_cookie_authorization_or_api_key_value(tmp_path):
    path = _trace(tmp_path / "trace.zip")

    mask_trace(path, Secrets([PASSWORD]))

    entries = _entries(path)
    assert [(name, leak) for name, text in entries.items() for leak in LEAKS if leak in text] == []
    events = [json.loads(line) for line in entries["trace.trace"].splitlines()]  # still a trace
    options = events[0]["options"]
    assert options["storageState"]["cookies"][0] == {"name": "tulp_session", "value": "•••", "domain": "127.0.0.1"}
    assert options["extraHTTPHeaders"] == {"Authorization": "Bearer •••", "Accept-Language": "nl-NL"}
    exchange = json.loads(entries["trace.network"])["snapshot"]
    request, response = exchange["request"], exchange["response"]
    # Names, schemes and cookie attributes stay: the trace still says what was sent.
    assert {h["name"]: h["value"] for h in request["headers"]} == {
        "Accept": "text/html",
        "Cookie": "tulp_session=•••; consent=•••",
        "Authorization": "Bearer •••",
        "Proxy-Authorization": "Basic •••",
        "X-Api-Key": "•••",
    }
    assert response["headers"][1] == {"name": "set-cookie", "value": "tulp_session=•••; HttpOnly; Path=/"}
    assert [c["value"] for c in request["cookies"] + response["cookies"]] == ["•••"] * 3
    assert entries["resources/page.html"] == "<p>Ingelogd, sessie •••, sleutel •••</p>"


def test_a_trace_without_known_secrets_still_loses_its_session_cookies(tmp_path):
    path = _trace(tmp_path / "trace.zip")
    mask_trace(path, Secrets())
    assert [name for name, text in _entries(path).items() if SESSION in text or BEARER in text] == []


def test_a_har_file_is_masked_like_a_trace(tmp_path):
    path = tmp_path / "agent.har"
    path.write_text(json.dumps({"log": {"version": "1.2", "entries": [_exchange()]}}))

    mask_har(path, Secrets())

    text = path.read_text()
    assert [leak for leak in LEAKS if leak in text] == []
    assert json.loads(text)["log"]["entries"][0]["request"]["headers"][0] == {"name": "Accept", "value": "text/html"}


def test_api_evidence_and_traces_hide_the_same_headers():
    from journeys.channels.api import _shown_headers

    hidden = ["Authorization", "proxy-authorization", "COOKIE", "Set-Cookie", "X-Api-Key", "X-Clock-Token"]
    assert all(is_secret_header(name) for name in hidden)
    assert not any(is_secret_header(name) for name in ("Accept", "Content-Type", "Location"))
    shown = _shown_headers(httpx.Headers({"X-Api-Key": API_KEY, "Accept": "application/json"}))
    assert shown == {"x-api-key": "•••", "accept": "application/json"}
