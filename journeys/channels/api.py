"""The API channel: what the system's app (or POS) gets from its JSON API.

``call`` makes a touchpoint's request (its template filled from what the
journey knows), reads each fact by JSONPath and keeps the exchange, secrets
masked, as JSON evidence. ``request`` is the same road for tasks that need
to do something (file a complaint, place a store order). All I/O goes
through an httpx transport, injectable for tests.
"""

from __future__ import annotations

import json
import re
import ssl
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import httpx

from journeys.channels.base import Reading
from journeys.channels.json_reading import NOT_JSON, fill_body, json_of, read_jsonpath
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import MASK, Secrets, is_secret_header
from journeys.errors import ChannelError, ConfigError, SystemUnreachable
from journeys.systems.templates import fill as fill_template
from journeys.systems.touchpoint_map import Touchpoint

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0


class HttpApiDriver:
    """One customer's calls to a system's JSON API (satisfies ``drivers.ApiDriver``).

    Args:
        base_url: the API's address.
        evidence: where request/response evidence goes.
        customer_key: the customer, for messages.
        secrets: values to mask in evidence and messages.
        transport: an httpx transport (``httpx.MockTransport`` in unit tests).
        channel_urls: other addresses per channel (``store`` may live elsewhere than ``api``).
        environ: where a touchpoint's ``token_env`` is looked up (default: none set).
        http_timeout: seconds a request may take (``--http-timeout``).
    """

    channel = "api"

    def __init__(
        self,
        base_url: str,
        evidence: EvidenceStore,
        customer_key: str,
        secrets: Secrets,
        transport: httpx.BaseTransport | None = None,
        *,
        channel_urls: Mapping[str, str] | None = None,
        environ: Mapping[str, str] | None = None,
        http_timeout: float = READ_TIMEOUT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.environ: Mapping[str, str] = {} if environ is None else environ  # the run's variables
        self.evidence = evidence
        self.customer_key = customer_key
        self.secrets = secrets
        self.channel_urls = {k: v.rstrip("/") for k, v in (channel_urls or {}).items()}
        self.http_timeout = http_timeout
        self._client = httpx.Client(
            timeout=httpx.Timeout(http_timeout, connect=CONNECT_TIMEOUT),
            transport=transport,
            follow_redirects=True,
            verify=_tls(),
        )

    def call(self, tp: Touchpoint, **params: Any) -> Reading:
        """Make ``tp``'s request and read every fact from the JSON answer.

        Raises:
            ChannelError: the system answered with an error status or not with JSON.
            SystemUnreachable: nobody answers at the address.
        """
        if tp.request is None:
            raise ConfigError(f"{tp.where}: touchpoint {tp.name} has no request: the API driver cannot call it.")
        req = tp.request
        base = self.channel_urls.get(tp.channel, self.base_url)
        url = base + "/" + fill_template(req.path, params, touchpoint=tp, quote_values=True).lstrip("/")
        query = {k: fill_template(v, params, touchpoint=tp) for k, v in req.query.items()}
        headers = {k: fill_template(v, params, touchpoint=tp) for k, v in req.headers.items()}
        if req.token_env and req.header:
            headers[req.header] = self._token(req.token_env, tp)
        body = fill_body(req.body, params, tp)
        response, path = self._send(tp.name, tp.channel, req.method, url, query, headers, body)
        data = json_of(response)
        if data is NOT_JSON:
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {tp.name}: {req.method} {response.request.url}"
                    " answered"
                    f" {response.headers.get('content-type', 'no content type')}, not JSON"
                    f" (evidence: {path})."
                )
            )
        raw = {reader.fact: read_jsonpath(reader, data) for reader in tp.facts.values()}
        url = self.secrets.redact(str(response.request.url))  # an order's token in the query stays hers
        return Reading(tp.name, tp.channel, url, raw, [path], [], datetime.now(UTC))

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """Make a request for a task; returns the JSON answer (None for an empty body).

        Raises:
            ChannelError: an error status, or an answer that is not JSON.
            SystemUnreachable: nobody answers at the address.
        """
        url = path if re.match(r"^https?://", path) else f"{self.base_url}/{path.lstrip('/')}"
        label = f"{method.lower()}-{path.split('?')[0].strip('/').replace('/', '-')}"
        response, evidence = self._send(
            label, self.channel, method.upper(), url, dict(params or {}), dict(headers or {}), json
        )
        data = json_of(response)
        if data is NOT_JSON:
            raise ChannelError(
                f"{self.customer_key}: {method.upper()} {url} did not answer JSON (evidence: {evidence})."
            )
        return data

    def close(self, *, keep_trace: bool = False) -> None:
        self._client.close()

    # -- inside -------------------------------------------------------------

    def _token(self, name: str, tp: Touchpoint) -> str:
        value = self.environ.get(name)
        if not value:
            raise ConfigError(
                f"{tp.where}: touchpoint {tp.name} needs a token from the environment variable"
                f" {name}, which is not set: export it before the run."
            )
        self.secrets.add(value)
        return value

    def _send(
        self,
        label: str,
        channel: str,
        method: str,
        url: str,
        query: dict[str, Any],
        headers: dict[str, str],
        body: Any,
    ) -> tuple[httpx.Response, str]:
        started = datetime.now(UTC)
        try:
            response = self._client.request(
                method,
                url,
                params=query or None,
                headers=headers or None,
                json=body if body is not None else None,
            )
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise SystemUnreachable(
                f"{self.customer_key} at {label}: {url} did not answer within"
                f" {CONNECT_TIMEOUT:.0f} s"
                f" ({_reason(exc)}): start the system or pass --base-url.",
                url=url,
            ) from exc
        except httpx.TimeoutException as exc:
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {label}: {method} {url}: no answer within {self.http_timeout:g} s"
                    " (--http-timeout)"
                )
            ) from exc
        except httpx.HTTPError as exc:
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {label}: {method} {url} failed: {type(exc).__name__}: {exc}"
                )
            ) from exc
        path = self._keep(label, channel, response, body, started)
        if response.status_code >= 400:
            snippet = " ".join(response.text.split())[:200]
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {label}: {method} {response.request.url} answered"
                    f" {response.status_code} {response.reason_phrase}: {snippet} (evidence:"
                    f" {path})."
                )
            )
        return response, path

    def _keep(self, label: str, channel: str, response: httpx.Response, body: Any, started: datetime) -> str:
        request = response.request
        exchange = {
            "at": started.isoformat(),
            "request": {
                "method": request.method,
                "url": str(request.url),
                "headers": _shown_headers(request.headers),
                "body": body,
            },
            "response": {
                "status": response.status_code,
                "headers": _shown_headers(response.headers),
                "body": json_of(response) if json_of(response) is not NOT_JSON else response.text,
            },
            "elapsed_ms": round(response.elapsed.total_seconds() * 1000, 1) if _has_elapsed(response) else None,
        }
        text = self.secrets.redact(json.dumps(exchange, ensure_ascii=False, indent=2, default=str))
        return self.evidence.save(channel, label, ".json", text)


def _has_elapsed(response: httpx.Response) -> bool:
    try:
        response.elapsed  # noqa: B018 - only set once the body is read
    except RuntimeError:
        return False
    return True


def _shown_headers(headers: httpx.Headers) -> dict[str, str]:
    return {k: (MASK if is_secret_header(k) else v) for k, v in headers.items()}


def _reason(exc: Exception) -> str:
    text = str(exc).lower()
    if "refused" in text:
        return "connection refused"
    if isinstance(exc, httpx.ConnectTimeout):
        return "connect timeout"
    return str(exc) or type(exc).__name__


@lru_cache(maxsize=1)
def _tls() -> ssl.SSLContext:
    """One TLS context per process: making one costs ~25 ms, and every customer has a client."""
    return ssl.create_default_context()
