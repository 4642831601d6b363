"""What every item of journeys' own (a scenario, an unreadable feature, a run-wide error) has in common."""

from __future__ import annotations

from typing import Any

import pytest

__all__ = ["JourneysItem"]


class JourneysItem(pytest.Item):
    """An item that is no test function, and says so the way one does: it takes no fixtures.

    Some plugins read ``item.funcargs`` of every item they run (pytest-lsp 1.0 does, and stops the run
    of any item without it), so journeys' items have it, empty.
    """

    @property
    def funcargs(self) -> dict[str, Any]:
        return {}
