"""Mask secrets in a kept browser trace or HAR file before anyone reads it.

A Playwright trace (``trace.zip``) records every request and response with
its headers and cookies (``trace.network``), the results of calls such as
``context.cookies()`` and the context's options (``trace.trace``), typed
values and page bodies (``resources/``). A HAR holds the same exchanges.
Against a real staging system the agent's session cookie or a bearer token
in there may still be valid. So, before a trace or HAR is kept:

1. the value of every secret header (``journeys.core.secrets.is_secret_header``)
   and of every cookie in a ``cookies`` list becomes ``•••``; names and
   attributes stay, so ``tulp_session=•••; Path=/`` still says which cookie
   was set and ``Bearer •••`` which scheme was used;
2. each value masked that way, and every value of the run's ``Secrets``
   (passwords), is then masked wherever else it occurs in the file.

Images are left as they are: a value cannot be searched for in pixels.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from journeys.core.secrets import MASK, Secrets, is_secret_header

_IMAGES = (".png", ".jpeg", ".jpg", ".webp")
# Trace event files hold one JSON event a line; a HAR (alone or inside a zip) is one document.
_JSON_LINES = (".trace", ".network")
_JSON_DOCUMENTS = (".har",)
# A line with none of these cannot hold a secret header or a cookie: not worth parsing.
_HINTS = (b"cookie", b"authorization", b"x-api-key", b"token")


def mask_trace(path: Path, secrets: Secrets) -> None:
    """Mask secrets inside the zip at ``path`` (a trace, or a HAR saved as zip), in place.

    Args:
        path: the ``trace.zip`` (or HAR zip) to rewrite.
        secrets: the run's known secret values (passwords, tokens).
    """
    with zipfile.ZipFile(path) as src:
        entries = [(item, src.read(item)) for item in src.infolist()]
    found = Secrets()  # cookie and header values met in this file; masked everywhere after
    scrubbed = [(item, _scrub_entry(item.filename, data, found)) for item, data in entries]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item, data in scrubbed:
            if not item.filename.lower().endswith(_IMAGES):
                data = found.redact_bytes(secrets.redact_bytes(data))
            dst.writestr(item, data)
    tmp.replace(path)


def mask_har(path: Path, secrets: Secrets) -> None:
    """Mask secrets inside the HAR at ``path`` (``.har``, or ``.zip`` with content files), in place."""
    if path.suffix.lower() == ".zip":
        mask_trace(path, secrets)
        return
    found = Secrets()
    data = _scrub_entry(path.name, path.read_bytes(), found)
    path.write_bytes(found.redact_bytes(secrets.redact_bytes(data)))


def _scrub_entry(name: str, data: bytes, found: Secrets) -> bytes:
    lowered = name.lower()
    if lowered.endswith(_JSON_LINES):
        return b"\n".join(_scrub_json(line, found) for line in data.split(b"\n"))
    if lowered.endswith(_JSON_DOCUMENTS):
        return _scrub_json(data, found)
    return data


def _scrub_json(text: bytes, found: Secrets) -> bytes:
    """``text`` (one JSON value) with secret headers and cookies masked; unchanged if nothing was."""
    folded = text.lower()
    if not any(hint in folded for hint in _HINTS):
        return text
    try:
        node = json.loads(text)
    except ValueError:
        return text  # not JSON after all: the byte-level pass still masks known values
    if not _scrub(node, found):
        return text
    try:
        return json.dumps(node, ensure_ascii=False, separators=(",", ":")).encode()
    except UnicodeEncodeError:  # a lone surrogate from the page: escape it rather than fail
        return json.dumps(node, separators=(",", ":")).encode()


def _scrub(node: Any, found: Secrets) -> bool:
    """Mask secret values inside ``node`` in place; True when anything was masked."""
    if isinstance(node, list):
        return any([_scrub(child, found) for child in node])  # a list: every child, no short cut
    if not isinstance(node, dict):
        return False
    changed = False
    name, value = node.get("name"), node.get("value")
    # {"name": "Cookie", "value": ...}: how traces and HARs list headers (and query/form parameters).
    if isinstance(name, str) and isinstance(value, str) and is_secret_header(name):
        node["value"] = _masked_header(name, value, found)
        changed = node["value"] != value
    for key, child in node.items():
        if key == "cookies" and isinstance(child, list):
            changed |= _mask_cookies(child, found)
        elif isinstance(child, str):
            # {"Authorization": ...}: headers as an object (extraHTTPHeaders, a fetch's params).
            if key not in ("name", "value") and is_secret_header(key):
                node[key] = _masked_header(key, child, found)
                changed |= node[key] != child
        else:
            changed |= _scrub(child, found)
    return changed


def _mask_cookies(cookies: list[Any], found: Secrets) -> bool:
    """Mask each cookie's value in a ``cookies`` list (a HAR entry, storage state, a call's result)."""
    changed = False
    for cookie in cookies:
        if isinstance(cookie, dict) and isinstance(cookie.get("value"), str) and cookie["value"] != MASK:
            _remember(cookie["value"], found)
            cookie["value"] = MASK
            changed = True
    return changed


def _masked_header(name: str, value: str, found: Secrets) -> str:
    """``value`` of header ``name`` with its secret parts masked and remembered in ``found``."""
    lowered = name.lower()
    if lowered == "cookie":  # a=1; b=2
        return "; ".join(_masked_pair(pair.strip(), found) for pair in value.split(";") if pair.strip())
    if lowered == "set-cookie":  # one cookie a line, attributes after the first ';'
        lines = []
        for line in value.split("\n"):
            pair, sep, attributes = line.partition(";")
            lines.append(_masked_pair(pair.strip(), found) + sep + attributes)
        return "\n".join(lines)
    _remember(value, found)
    scheme, sep, credentials = value.partition(" ")
    if lowered.endswith("authorization") and sep and credentials.strip():
        _remember(credentials.strip(), found)
        return f"{scheme} {MASK}"
    return MASK if value else value


def _masked_pair(pair: str, found: Secrets) -> str:
    cookie, sep, value = pair.partition("=")
    if not sep:
        _remember(cookie, found)
        return MASK
    _remember(value, found)
    return f"{cookie}={MASK}"


def _remember(value: str, found: Secrets) -> None:
    if value == MASK:
        return
    found.add(value)
    found.add(value.strip('"'))  # a quoted cookie value is sent without its quotes too
