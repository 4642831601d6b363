"""Errors raised by the user's own code, told in one message.

A task or a custom step that raises (a ``KeyError`` in a tasks module, say)
would otherwise surface as a long traceback through pytest, pytest-bdd and
journeys, without the feature line or the task's name. ``user_error`` turns
the exception into a ``UserCodeError`` that says where in the feature, what
raised, and the line of the user's file it came from::

    features/order/web_order.feature:8 (When she orders a "tablet-10" on the web shop):
    task 'place order' raised KeyError: 'sku'
      fixtures/systems/shop_tasks.py:23: price = PRICES[kwargs["sku"]]
      traceback: reports/evidence/anna-3f2a/error-01-task-place-order.txt

The full traceback goes to the customer's evidence folder; secrets are masked
in it and in the message.
"""

from __future__ import annotations

import linecache
import sysconfig
import traceback
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import UserCodeError

__all__ = ["relative", "user_error"]

# Top-level modules whose frames are never the user's, wherever they are installed
# (an editable install of one of them lives outside site-packages).
_TOOLS = frozenset({"journeys", "pytest", "_pytest", "pluggy", "pytest_bdd", "playwright", "allure", "allure_commons"})

_LONGEST_MESSAGE = 500  # characters of the original message; the evidence file has all of it

_PACKAGE = Path(__file__).resolve().parents[1]  # journeys/


def _library_roots() -> tuple[Path, ...]:
    """Folders that hold no user code: journeys itself, the standard library, site-packages."""
    paths = sysconfig.get_paths()
    names = ("stdlib", "platstdlib", "purelib", "platlib")
    return (_PACKAGE, *{Path(paths[n]).resolve() for n in names if n in paths})


_LIBRARIES = _library_roots()


def user_error(
    exc: BaseException,
    *,
    what: str,
    step_text: str | None,
    location: str | None,
    evidence: EvidenceStore | None,
    secrets: Secrets | None = None,
    func: Callable[..., Any] | None = None,
) -> UserCodeError:
    """The ``UserCodeError`` telling ``exc`` in one message; raise it ``from exc``.

    Args:
        exc: what the user's code raised.
        what: what raised, as the user knows it (``task 'place order'``, ``step 'she orders ...'``).
        step_text: the Gherkin step being run, when known.
        location: where that step is written (``features/order.feature:8``), when known.
        evidence: the customer's evidence store; the full traceback is written
            there as ``error-<n>-<what>.txt``. None writes nothing.
        secrets: values to mask in the message and the traceback; defaults to
            the evidence store's own.
        func: the user's function that was called; its definition is shown
            when none of its lines ran (it was called with the wrong arguments).

    Returns:
        The error, with the user's file, line and source line when one was found.
    """
    secrets = secrets if secrets is not None else evidence.secrets if evidence is not None else None
    mask = secrets.redact if secrets is not None else _same
    file, line = _innermost_user_frame(exc)
    if file is None and func is not None:
        file, line = _definition(func)
    source = linecache.getline(file, line).strip() if file and line else ""
    shown_file = _shown(file) if file else None
    error_type = type(exc).__name__
    error_message = mask(_shorter(str(exc)))
    saved = _save(exc, what, step_text, location, evidence, mask) if evidence is not None else None

    lines = [_header(step_text, location)] if step_text or location else []
    lines.append(f"{what} raised {error_type}" + (f": {_indented(error_message)}" if error_message else ""))
    if shown_file and line:
        lines.append(f"  {shown_file}:{line}: {mask(source)}" if source else f"  {shown_file}:{line}")
    if saved:
        lines.append(f"  traceback: {saved}")
    return UserCodeError(
        "\n".join(lines),
        what=what,
        error_type=error_type,
        error_message=error_message,
        file=shown_file,
        line=line,
        source=mask(source) or None,
        traceback=saved,
        step_text=step_text,
        location=location,
    )


def _innermost_user_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """File and line of the deepest frame of ``exc``'s traceback that is the user's code."""
    found: tuple[str | None, int | None] = (None, None)
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if _is_user_code(frame):
            found = (frame.f_code.co_filename, line)
    return found


def _is_user_code(frame: FrameType) -> bool:
    filename = frame.f_code.co_filename
    if filename.startswith("<"):  # <frozen ...>, <string>: no file to point at
        return False
    module = str(frame.f_globals.get("__name__") or "")
    if module.split(".")[0] in _TOOLS:
        return False
    path = Path(filename).resolve()
    if {"site-packages", "dist-packages"} & set(path.parts):
        return False
    return not any(path.is_relative_to(root) for root in _LIBRARIES)


def _definition(func: Callable[..., Any]) -> tuple[str | None, int | None]:
    """Where ``func`` is defined (its first decorator's line), when it is Python code."""
    code = getattr(getattr(func, "__wrapped__", func), "__code__", None)
    if code is None or code.co_filename.startswith("<"):
        return None, None
    return code.co_filename, code.co_firstlineno


def _save(
    exc: BaseException,
    what: str,
    step_text: str | None,
    location: str | None,
    evidence: EvidenceStore,
    mask: Callable[[str], str],
) -> str:
    """Write the full traceback to evidence; returns its path as the message shows it."""
    where = f" at {_header(step_text, location)}" if step_text or location else ""
    text = f"{what} raised{where}\n\n" + "".join(traceback.format_exception(exc))
    try:
        name = evidence.name_for("error", what[:40], ".txt")
        relative = evidence.write_text(name, mask(text))
    except OSError as problem:
        # A full disk must not hide the user's error behind ours.
        return f"not saved ({problem})"
    return _shown(str(evidence.reports_dir / relative))


def _header(step_text: str | None, location: str | None) -> str:
    if location and step_text:
        return f"{location} ({step_text}):"
    return f"{location or step_text}:"


def _shown(path: str) -> str:
    """``path`` relative to the working folder when it is inside it, else absolute."""
    return relative(Path(path).resolve())


def _shorter(text: str) -> str:
    return text if len(text) <= _LONGEST_MESSAGE else text[:_LONGEST_MESSAGE] + "…"


def _indented(text: str) -> str:
    """A multi-line message kept inside the block: continuation lines indented."""
    return text.replace("\n", "\n    ")


def _same(text: str) -> str:
    return text


def relative(path: str | Path) -> str:
    """``path`` relative to the working directory where it lies below it, else as given."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
