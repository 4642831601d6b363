"""The catalogue of faults the reference shop can be started with.

Each fault is modelled on a failure described in the seed articles
(``/work/shared/seeds/000..004``) and changes one seam where a real silo
would go wrong: the mail builder reading the wrong number, the app reading the
carrier's estimate instead of the promise, the CRM fed only by the store. The
shop never asks "is this a test"; the code at the seam asks
``faults.active(name)``, exactly as a feature flag would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    """One named fault.

    Attributes:
        name: the name given to ``--fault``.
        experience: what the customer experiences, in one sentence.
        seeds: the seed article(s) the failure comes from (``"000"``..``"004"``).
        seam: where in the shop the fault lives (module and what it changes).
        touchpoints: where a journey can see it (touchpoint names).
    """

    name: str
    experience: str
    seeds: tuple[str, ...]
    seam: str
    touchpoints: tuple[str, ...]


CATALOGUE: tuple[Fault, ...] = (
    Fault(
        name="cutoff-ignored",
        experience="Ordered before 18:00 with 'morgen in huis' promised on the product page, "
        "checkout, confirmation and mail, but fulfilment plans the order a week later:"
        " the app, the account page and the actual delivery are a week late.",
        seeds=("003",),
        seam="orders.planned_date: web orders go into the store's weekly fulfilment batch",
        touchpoints=("web.product", "web.order_confirmation", "app.order", "web.account_order"),
    ),
    Fault(
        name="email-total-stale",
        experience="The order confirmation email shows the total before the discount (€ 349,00 instead of € 329,00).",
        seeds=("000",),
        seam="orders._confirm: the mail builder reads the cart subtotal, not the order total",
        touchpoints=("email.order_confirmation",),
    ),
    Fault(
        name="tracking-date-drift",
        experience="The app shows a different delivery date than checkout and the confirmation.",
        seeds=("000",),
        seam="web.api.app_delivery_date: the app reads the carrier's estimate (dispatch + 2 days)",
        touchpoints=("app.order",),
    ),
    Fault(
        name="store-vs-online",
        experience="The same product is delivered 2 days after buying it in the store, but 2 "
        "weeks after ordering it online.",
        seeds=("003",),
        seam="orders.online_delivery_date: online orders use the central warehouse's backorder "
        "lead time; the store's till ships from its own stock",
        touchpoints=("web.product", "store.lead_time", "store.order"),
    ),
    Fault(
        name="refund-not-replacement",
        experience="A wrong-item complaint that the agent answers with a replacement gets only a "
        "refund: no replacement, no apology.",
        seeds=("003",),
        seam="agent_actions._replacement: the back office books every remedy as a refund",
        touchpoints=("agent.console", "email.refund", "web.account_order"),
    ),
    Fault(
        name="agent-no-history",
        experience="The agent's 360° view shows neither the web order nor the earlier complaint; "
        "the customer has to tell everything again.",
        seeds=("000", "004"),
        seam="web.agent_console._history: the CRM is fed by the store system only",
        touchpoints=("agent.console",),
    ),
    Fault(
        name="asked-again",
        experience="The returns portal asks a logged-in customer again for the order number and email address.",
        seeds=("002",),
        seam="web.returns_portal.portal_customer: a separate app that ignores the shop session",
        touchpoints=("returns.portal",),
    ),
    Fault(
        name="irrelevant-offers",
        experience="Recommendations ignore the customer's profile: a student is offered a "
        "business lease and a senior phone.",
        seeds=("003",),
        seam="recommendations.for_customer: marketing's campaign list replaces the segment model",
        touchpoints=("web.account",),
    ),
    Fault(
        name="slow-portal",
        experience="Every page and answer of the returns portal takes more than 2 seconds.",
        seeds=("002",),
        seam="web.api.slow_returns_system: a synchronous call to the legacy returns system",
        touchpoints=("returns.portal",),
    ),
    Fault(
        name="refund-amount-differs",
        experience="The refund email (and the app) refund € 15,00 less than the returns portal quoted.",
        seeds=("000",),
        seam="returns.refund_amount: finance deducts a handling fee the portal does not know",
        touchpoints=("email.refund", "app.return"),
    ),
    Fault(
        name="address-dropped",
        experience="The shipping notice shows a different delivery address than the one given at "
        "checkout (the street is missing).",
        seeds=("000",),
        seam="orders._ship: the carrier's address field drops the street",
        touchpoints=("email.shipping_notice",),
    ),
    Fault(
        name="no-track-trace-email",
        experience="The order ships, but the shipping notice with the track-and-trace code never arrives.",
        seeds=("003",),
        seam="orders._ship: the carrier integration never notifies the customer",
        touchpoints=("email.shipping_notice",),
    ),
    Fault(
        name="complaint-unanswered",
        experience="A complaint is acknowledged with 'answer within 24 hours', but no answer ever comes.",
        seeds=("002", "004"),
        seam="cases.open_case: complaints land in a queue no team reads",
        touchpoints=("email.complaint_answer", "chat.case"),
    ),
    Fault(
        name="chat-forgets-order",
        experience="The chat asks for the order number the customer has just given.",
        seeds=("002", "000"),
        seam="cases.chat: the chat backend drops the widget's order number field",
        touchpoints=("chat",),
    ),
    Fault(
        name="status-words-differ",
        experience="The account page still says 'In behandeling' when the app says the order is shipped or delivered.",
        seeds=("000",),
        seam="web.account.web_status: reads the warehouse's status, which stops at 'picked'",
        touchpoints=("web.account", "web.account_order"),
    ),
    Fault(
        name="callback-forgotten",
        experience="The agent promises a call back within 24 hours; nobody ever calls.",
        seeds=("002", "004"),
        seam="agent_actions._callback: the callback goes into a personal agenda, not the shared queue",
        touchpoints=("email.callback", "web.account_order"),
    ),
    Fault(
        name="refund-late",
        experience="The refund arrives after 8 working days instead of within 5.",
        seeds=("000",),
        seam="returns._receive: refunds wait for finance's fortnightly payment batch",
        touchpoints=("email.refund", "app.return"),
    ),
)

_BY_NAME = {f.name: f for f in CATALOGUE}


class UnknownFault(ValueError):
    """A fault name that is not in the catalogue."""


def known() -> list[str]:
    """The names of all faults, in catalogue order."""
    return [f.name for f in CATALOGUE]


def lookup(name: str) -> Fault:
    """The fault called ``name``.

    Raises:
        UnknownFault: naming the fault and listing the known ones.
    """
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UnknownFault(f"unknown fault '{name}'; known faults: {', '.join(known())}") from None


class FaultSet:
    """The faults a running shop was started with (they combine freely)."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names: tuple[str, ...] = tuple(dict.fromkeys(lookup(n).name for n in names))

    def active(self, name: str) -> bool:
        """Whether fault ``name`` is on (a typo here is a bug, so it raises)."""
        lookup(name)
        return name in self.names

    def __repr__(self) -> str:
        return f"FaultSet({list(self.names)!r})"
