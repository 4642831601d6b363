"""The consistency rules every journey can use.

Each rule reads a ledger and returns a list of ``Violation`` (empty when all
is well); findings are collected, never raised, so one journey reports all of
them. A rule pointed at a fact it cannot check (a test mistake) raises
``RuleConfigError`` at once.

- ``agree``: every observation of a fact agrees across touchpoints;
- ``promise_kept`` / ``due_promises``: promises are fulfilled by their deadline;
- ``not_asked_twice``: a known customer is not asked again for what she gave;
- ``channel_parity``: the same fact through two channels agrees;
- ``matches``: one fact equals another she was told first (the refund, the price she paid);
- ``known_at``: a touchpoint shows what the company already knows;
- ``answered_within``: a touchpoint does not keep the customer waiting;
- ``not_sent``: a mail that must not come (a shipping notice for a cancelled order) did not;
- ``suits``: what a touchpoint offers fits the customer's segment;
- ``shown`` / ``shows``: a touchpoint shows a fact, or the value the journey expects;
- ``all_shown``: at a journey's end, every mapped fact was shown (unless optional).

A rule with nothing to compare (a fact seen at one touchpoint only, nothing
known yet, no visit measured) returns a ``NothingToCompare`` violation: a
green journey means every comparison it asked for was made.
"""

from __future__ import annotations

from journeys.core.rules.agreement import agree, matches
from journeys.core.rules.completeness import all_shown
from journeys.core.rules.expectation import not_sent, shown, shows
from journeys.core.rules.knowledge import known_at
from journeys.core.rules.own_data import kept_private
from journeys.core.rules.parity import channel_parity
from journeys.core.rules.patience import answered_within, not_asked_twice
from journeys.core.rules.promises import due_promises, promise_kept
from journeys.core.rules.relevance import suits
from journeys.core.rules.violation import Violation

__all__ = [
    "Violation",
    "agree",
    "all_shown",
    "answered_within",
    "channel_parity",
    "due_promises",
    "kept_private",
    "known_at",
    "matches",
    "not_asked_twice",
    "not_sent",
    "promise_kept",
    "shown",
    "shows",
    "suits",
]
