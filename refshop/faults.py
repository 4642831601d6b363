"""The catalogue of faults the reference shop can be started with, and the set a running shop has on.

The faults where one silo goes wrong, each modelled on a failure of the seed
articles, are in ``refshop.silo_faults``; the security faults and those only a
crowd shows are here. The shop never asks "is this a test"; the code at the
seam asks ``faults.active(name)``, exactly as a feature flag would.

The security faults each switch off one protection the shop has against
the findings of issue 15 (OWASP ASVS level 1): they name the ASVS
requirement instead of a seed article.
"""

from __future__ import annotations

from collections.abc import Iterable

from refshop.silo_faults import SILO_FAULTS, Fault

CATALOGUE: tuple[Fault, ...] = (
    *SILO_FAULTS,
    # -- security: each switches one protection off (issue 15, OWASP ASVS level 1) --
    Fault(
        name="order-api-leaks",
        experience="Anyone who knows a customer's order number and e-mail address sees her order, "
        "address and returns in the app, even logged in as someone else; the chat tells them its status.",
        seeds=(),
        seam="access.order_for: the order number and e-mail address are taken as proof, not the "
        "session or the order token",
        touchpoints=("app.order", "app.return", "returns.portal", "chat"),
        asvs=("4.1.1", "4.2.1"),
    ),
    Fault(
        name="store-api-open",
        experience="Anyone can book an order into a customer's account through the till API by her "
        "e-mail address, and is shown her home address.",
        seeds=(),
        seam="access.check_store_key and web.till: the till API trusts every caller and answers with the whole order",
        touchpoints=("store.order",),
        asvs=("4.1.1", "4.1.3"),
    ),
    Fault(
        name="no-login-throttle",
        experience="Her password can be guessed as fast as a script can type: no login is ever slowed or refused.",
        seeds=(),
        seam="web.common.throttled_login: failed logins are not counted",
        touchpoints=("web.login", "agent.login", "web.checkout"),
        asvs=("2.2.1",),
    ),
    Fault(
        name="session-survives-logout",
        experience="After logging out, a copy of the old session cookie still opens her account (or the "
        "agent console).",
        seeds=(),
        seam="access.end_login: logout only clears the browser's cookie, the login stays valid",
        touchpoints=("web.account", "agent.console"),
        asvs=("3.3.1",),
    ),
    Fault(
        name="weak-passwords",
        experience="A six-character password such as 123456 is accepted, and kept as a fast PBKDF2 hash.",
        seeds=(),
        seam="passwords.check / passwords.make_hash: the old six-character rule, no common-password "
        "list, pbkdf2 with 20,000 rounds",
        touchpoints=("web.checkout",),
        asvs=("2.1.1", "2.1.7", "2.4.1"),
    ),
    Fault(
        name="no-security-headers",
        experience="Pages come without Content-Security-Policy, X-Frame-Options, X-Content-Type-Options "
        "and Referrer-Policy: they can be framed, and links with tokens leak in the Referer.",
        seeds=(),
        seam="web.protect.add_headers: no security headers",
        touchpoints=("web.product", "web.checkout", "web.account"),
        asvs=("14.4.3", "14.4.4", "14.4.6", "14.4.7"),
    ),
    Fault(
        name="no-csrf",
        experience="A page on another site can post the shop's forms in the customer's name (order, "
        "return, chat, agent actions): only SameSite=Lax stands in the way.",
        seeds=(),
        seam="web.protect.check_request: form posts are not checked for the session's CSRF token",
        touchpoints=("web.checkout", "returns.portal", "chat", "agent.console"),
        asvs=("4.2.2",),
    ),
    Fault(
        name="mail-blocks-checkout",
        experience="With a slow mail server, 'Bestelling plaatsen' keeps the customer waiting until "
        "the confirmation mail has been handed over (10 s and more).",
        seeds=("002",),
        seam="context.Ctx.write: mail is sent inside the request, not by the mailer's thread",
        touchpoints=("web.checkout", "web.order_confirmation"),
    ),
    # -- only a crowd shows these: `journeys simulate` finds them, a single walk-through does not --
    Fault(
        name="last-unit-oversold",
        experience="Two customers who order the last Tulp Tab 10 within the same second are both promised "
        "'morgen in huis'; one of them waits two weeks, as the app and her account say.",
        seeds=("003",),
        seam="orders._from_stock: the web shop trusts the warehouse feed, a second behind, and skips the express order",
        touchpoints=("web.order_confirmation", "email.order_confirmation", "app.order"),
    ),
    Fault(
        name="order-number-twice",
        experience="Two customers who order within the same second are given the same order number; "
        "the first one's confirmation and app then show the other's order, or none.",
        seeds=("000",),
        seam="orders._number: a per-process order counter synced from the database once a second",
        touchpoints=("web.order_confirmation", "email.order_confirmation", "app.order"),
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
