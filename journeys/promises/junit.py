"""``junit.xml`` of a verify run: one test case per promise checked.

Kept passes, broken fails (``<failure>``), a promise that could not be
checked is an error (``<error>``, the reason in its message): CI shows each
promise by customer, order, fact and where it was made, as it shows journeys.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from pathlib import Path

from journeys.promises.digest import Checked
from journeys.promises.verify import journey_name

__all__ = ["write_junit"]


def write_junit(folder: Path, checked: Sequence[Checked]) -> Path:
    """Write ``junit.xml`` into ``folder``; returns its path."""
    failures = sum(1 for c in checked if c.status == "broken")
    errors = sum(1 for c in checked if c.status == "unverifiable")
    suites = ElementTree.Element("testsuites")
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="journeys promises",
        tests=str(len(checked)),
        failures=str(failures),
        errors=str(errors),
        skipped="0",
    )
    for found in checked:
        stored, p = found.stored, found.stored.promise
        case = ElementTree.SubElement(
            suite, "testcase", name=journey_name(stored), classname=f"promises.{stored.system}", time="0"
        )
        text = "\n".join(
            line
            for line in (
                f"{found.status}: {found.verdict}".replace(f"{found.status}: {found.status}: ", f"{found.status}: "),
                f"customer: {stored.who} ({stored.customer.get('email', '')})",
                f"about: {stored.subject or '-'}; journey: {stored.journey_id}",
                f"promised: {p.fact} {p.raw!r} at {p.where.touchpoint} ({p.where.location or 'no location'})",
                f"due: {p.due:%Y-%m-%d %H:%M %Z}; checked at: {found.checked_at}",
                f"later shown otherwise: {stored.contradiction}" if stored.contradiction else "",
            )
            if line
        )
        if found.status == "broken":
            ElementTree.SubElement(case, "failure", message=text.splitlines()[0], type="BrokenPromise").text = text
        elif found.status == "unverifiable":
            ElementTree.SubElement(case, "error", message=text.splitlines()[0], type="Unverifiable").text = text
    target = folder / "junit.xml"
    ElementTree.ElementTree(suites).write(target, encoding="utf-8", xml_declaration=True)
    return target
