"""Who walks a journey: a synthetic customer of a segment, or an existing account of a system.

A map names the segments of its system (``segments: {guest: family}``: each
borrows a built-in persona) and its existing customers (``accounts: {anna:
{email_env: SHOP_ANNA_EMAIL, password_env: SHOP_ANNA_PASSWORD}}``: only the
names of the variables holding her address and password). A journey that
walks as ``anna`` records her, not a made-up person, on its ledger.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from journeys.core.customer import Customer
from journeys.core.evidence import EvidenceStore
from journeys.core.personas import SEGMENTS
from journeys.errors import ConfigError, StepError
from journeys.messages import say

__all__ = ["Identity", "cast", "not_started", "registered"]


class Identity:
    """Who walks a journey, as ``Journey`` offers it (mixed into ``Journey``)."""

    customer: Customer
    system: Any
    ledger: Any
    evidence: Any
    stopwatch: Any
    memory: dict[str, str]

    def do(self, task: str, **kwargs: Any) -> Any:
        raise NotImplementedError

    def cast(self, *, segment: str | None = None, locale: str | None = None) -> None:
        """Make the customer one of ``segment`` / ``locale``, before the journey starts.

        Raises:
            StepError: the journey has begun, or the segment or locale is unknown.
        """
        not_started(self)
        self._become(cast(self.customer, self.system, segment=segment, locale=locale))

    def as_account(self, account: str) -> None:
        """Walk the journey as the existing customer ``account`` (a map's ``accounts:``), logged in.

        Her e-mail address and password come from the environment variables the map names; the
        ledger records her as that account. Logging in is the ``log in`` task of her system (the
        ledger records the login: ``Journey.do``).

        Raises:
            StepError: the journey has begun, or no map has the account.
            ConfigError: a variable it names is not set.
        """
        not_started(self)
        customer, system = registered(self.system, account, like=self.customer)
        self._become(customer)
        self.system.secrets.add(customer.password)
        self.do(f"{system}: log in" if system != self.system.map.system else "log in")

    def sign_up(self) -> None:
        """Give the synthetic customer an account (task ``create account``), then log her in (``log in``)."""
        not_started(self)
        self.system.secrets.add(self.customer.password)
        self.do("create account")
        self.do("log in")

    def _become(self, customer: Customer) -> None:
        self.customer = customer
        self.ledger.customer = customer.to_dict()
        secrets = getattr(self.system, "secrets", None)
        self.evidence = EvidenceStore(self.system.reports_dir, customer.key, secrets, stopwatch=self.stopwatch)
        self.memory.update(email=customer.email, name=customer.name)


def not_started(journey: Any) -> None:
    """Refuse to change who the customer is once she is on her way.

    Raises:
        StepError: something was already seen or given.
    """
    if journey.ledger.observations or journey.ledger.inputs:
        raise StepError(say("step.on_her_way"))


def cast(customer: Customer, session: Any, *, segment: str | None, locale: str | None) -> Customer:
    """``customer`` made again in ``segment`` (a map's segment: its persona) and ``locale``.

    Raises:
        StepError: a segment neither the maps nor the built-in personas know, or an unknown locale.
    """
    segments = _segments(session)
    name = segment or customer.segment
    persona = segments.get(name) or (name if name in SEGMENTS else None)
    if persona is None:
        known = ", ".join(sorted({*segments, *SEGMENTS}))
        raise StepError(
            f"unknown segment '{name}': the map does not name it and there is no persona of that name."
            f" Known: {known}. Give it a persona in the map: `segments: {{{name}: family}}`."
        )
    try:
        return Customer.create(
            customer.seed,
            index=customer.index,
            run_id=customer.run_id,
            worker=customer.worker,
            segment=name,
            locale=locale or customer.locale,
            persona=persona,
        )
    except ValueError as exc:
        raise StepError(str(exc)) from None


def registered(session: Any, account: str, *, like: Customer) -> tuple[Customer, str]:
    """The existing customer ``account`` of a map's ``accounts:``, and the system she belongs to.

    Args:
        session: the systems of the run.
        account: the account's name in the map (``anna``).
        like: the synthetic customer she replaces (the rest of her persona, and her key's suffix).

    Raises:
        StepError: no map names the account.
        ConfigError: a variable the map names is not set.
    """
    maps = getattr(session, "maps", None) or [session.map]
    for each in maps:
        entry = each.accounts.get(account)
        if entry is None:
            continue
        where = f"{each.path}:{entry.get('line', 0)}: accounts.{account}"
        parts = getattr(session, "parts", {})
        environ = parts[each.system].environ if each.system in parts else getattr(session, "environ", {})
        email = _env(environ, entry["email_env"], f"{where}.email_env")
        password = _env(environ, entry["password_env"], f"{where}.password_env")
        named = entry.get("name_env")
        name = entry.get("name") or (_env(environ, named, f"{where}.name_env") if named else None)
        base = like
        if entry.get("segment"):
            base = cast(like, session, segment=str(entry["segment"]), locale=None)
        return base.registered(account, email=email, password=password, name=name), each.system
    known = ", ".join(sorted(name for each in maps for name in each.accounts)) or "none"
    raise StepError(
        f"no account '{account}' in the maps of {', '.join(m.system for m in maps)} (accounts: {known})."
        f" Name her under `accounts:` with the variables holding her address and password:"
        f" `accounts: {{{account}: {{email_env: ..., password_env: ...}}}}`."
    )


def _segments(session: Any) -> dict[str, str]:
    segments = getattr(session, "segments", None)
    if isinstance(segments, dict):
        return segments
    return dict(session.map.segments)


def _env(environ: Mapping[str, str], name: str, key: str) -> str:
    value = environ.get(name)
    if not value:
        raise ConfigError(f"the environment variable {name} ({key}) is not set: export it before the run.")
    return value
