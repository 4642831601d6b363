"""Evidence in Allure as attachments and links, never as a path on the machine that ran the journeys.

A violation names its evidence by local path (``reports/runs/<id>/evidence/anna-3/web-02-web.checkout.png``),
which is what a reader of the terminal wants. Allure's report is read elsewhere: there each file is an
attachment of its touchpoint step (named ``web.checkout: web-02-web.checkout.png``), and a path in a
message is shown from the run folder (``evidence/anna-3/web-02-web.checkout.png``). When
``--report-url`` (``JOURNEYS_REPORT_URL``) says where CI publishes the run folder, a path is shown as its URL and each
file a message names is a link on the test too. Allure 3 opens only http(s) links, so without that
URL there are no links: a relative one would be text that looks clickable and is not. Any other
path below the project (a touchpoint map's ``file:line`` in a message) is shown from the project,
as the terminal shows feature files.

No allure import here: ``allure_report`` hands each result to ``LinkedPaths.rewrite_result``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["LinkedPaths", "link_url", "shown"]

# What a rewritten message names: evidence/<customer>/<file>, ended by white space, a quote or a bracket.
_EVIDENCE = re.compile(r"(?<![\w/.-])evidence/[^\s/'\"()<>]+/[^\s'\"()<>]+")


def link_url(relative: str, base: str) -> str | None:
    """The URL of a file of the run folder, under ``base`` (``--report-url``); None without one."""
    base = base.rstrip("/")
    return f"{base}/{relative}" if base else None


def _prefixes(folder: Path) -> list[str]:
    """How a folder starts a path: as given (often relative) and absolute; the longest first."""
    forms = {str(folder), str(folder.absolute())}
    try:
        forms.add(str(folder.resolve()))  # reports/latest is a link
    except OSError:
        pass
    prefixes = {form.rstrip(os.sep) + os.sep for form in forms if form not in ("", ".")}
    return sorted(prefixes - {os.sep}, key=len, reverse=True)  # "/" would strip every absolute path


def shown(text: str, folder: Path, base: str = "") -> str:
    """``text`` with each path into the run folder written from the folder (or as its URL under ``base``)."""
    base = base.rstrip("/")
    for prefix in _prefixes(folder):
        text = text.replace(prefix, f"{base}/" if base else "")
    return text


class LinkedPaths:
    """Rewrites Allure results before they are written: paths shown from the run folder (or as URLs).

    Args:
        folder: the run folder (the journeys' ``reports_dir``).
        project: the project's folder (default: the working directory, as ``journeys run`` has it).
        base: the URL the run folder is published at (``--report-url``); "": paths, no links.
    """

    def __init__(self, folder: Path, project: Path | None = None, base: str = "") -> None:
        self.folder = folder
        self.project = _prefixes(project or Path.cwd())
        self.base = base.rstrip("/")

    def text(self, text: str) -> str:
        """``text`` as Allure shows it: evidence from the run folder (or its URL), other files from the project."""
        text = shown(text, self.folder, self.base)
        for prefix in self.project:
            text = text.replace(prefix, "")
        return text

    def rewrite_result(self, result: Any) -> list[tuple[str, str]]:
        """Rewrite messages, traces, names, descriptions and parameters of ``result`` and its steps in place.

        Returns the links the result should carry (name, URL) that it does not carry yet: every
        evidence file its messages name (none without a ``base``).
        """
        named: dict[str, None] = {}
        for part in _parts(result):
            for attribute in ("name", "description"):
                if isinstance(getattr(part, attribute, None), str):
                    setattr(part, attribute, self._shown(getattr(part, attribute), named))
            for parameter in getattr(part, "parameters", None) or []:
                if isinstance(parameter.value, str):
                    parameter.value = self._shown(parameter.value, named)
            details = getattr(part, "statusDetails", None)
            if details is not None:
                details.message = self._shown(details.message, named)
                details.trace = self._shown(details.trace, named)
        have = {link.url for link in getattr(result, "links", None) or []}
        wanted = [(Path(relative).name, link_url(relative, self.base)) for relative in named]
        return [(name, url) for name, url in wanted if url is not None and url not in have]

    def _shown(self, text: str | None, named: dict[str, None]) -> str | None:
        if not text:
            return text
        text = self.text(text)
        found = _EVIDENCE.findall(text.replace(f"{self.base}/", "") if self.base else text)
        named.update(dict.fromkeys(path.rstrip(".,;:") for path in found))
        return text


def _parts(result: Any) -> Iterator[Any]:
    """The result and every step in it, however deep."""
    yield result
    for step in getattr(result, "steps", None) or []:
        yield from _parts(step)
