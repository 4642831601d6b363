"""The synthetic customer: a Faker persona made from a seed, in a segment and a locale.

The same seed and index always give the same person (name, address, age,
segment profile), so a failing journey can be replayed. The mailbox is
unique per run and per xdist worker, so parallel journeys never read each
other's mail. The password is the one thing that is *not* reproducible: it
is random for every customer, because a password derived from a seed that
is printed in every report would open the test account to anyone reading it.
"""

from __future__ import annotations

import hashlib
import random
import re
import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from faker import Faker
from faker.config import AVAILABLE_LOCALES

from journeys.core.personas import SEGMENTS, Segment  # re-exported: customers are made from them

__all__ = ["SEGMENTS", "Customer", "Segment", "age_on"]


_ROOM = {"nl_NL": "kamer {n}", "en_GB": "Flat {n}"}
_OFFICE_STREETS = {
    "nl_NL": ("Industrieweg", "Handelskade", "Kantorenpark", "Zakenlaan"),
    "en_GB": ("Business Park", "Enterprise Way", "Commerce Road", "Trade Street"),
}


@dataclass(frozen=True)
class Customer:
    """One synthetic customer. Make one with ``Customer.create``."""

    first_name: str
    last_name: str
    name: str
    email: str
    phone: str
    street: str
    postcode: str
    city: str
    birthdate: date
    age: int
    segment: str
    locale: str
    seed: int
    password: str = field(repr=False, compare=False)
    key: str = ""
    index: int = 0
    run_id: str = "local"
    worker: str = "gw0"
    interests: tuple[str, ...] = ()
    persona: str = ""  # the built-in persona behind a segment of the map's own (guest -> family)
    account: str = ""  # an existing account of the system (a map's ``accounts:``) she is; "" for a synthetic one

    @classmethod
    def create(
        cls,
        seed: int,
        *,
        locale: str = "nl_NL",
        segment: str = "family",
        index: int = 0,
        run_id: str = "local",
        worker: str = "gw0",
        email_domain: str = "journeys.test",
        email_template: str = "{key}@{domain}",
        today: date | None = None,
        persona: str | None = None,
    ) -> Customer:
        """The customer number ``index`` of a run with ``seed``.

        Args:
            seed: the run's seed; with ``index``, ``locale`` and ``segment``
                it fixes the person.
            locale: a Faker locale (``nl_NL``, ``en_GB``...).
            segment: one of ``SEGMENTS``.
            index: the customer's number within the run (and worker).
            run_id: the run; goes into the mailbox name, not the person.
            worker: the xdist worker (``gw0``); goes into the mailbox name.
            email_domain: the domain of the mailbox.
            email_template: how the address is made from ``{key}``,
                ``{domain}``, ``{first}``, ``{last}`` (for a plus-address on
                a real mailbox: ``qa+{key}@{domain}``).
            today: the day ages count from (default: today).
            persona: the built-in persona (``SEGMENTS``) of a segment of a map's own
                (``guest`` -> ``family``); default: the segment itself.

        Raises:
            ValueError: an unknown persona (segment) or locale.
        """
        persona = persona or segment
        if persona not in SEGMENTS:
            raise ValueError(
                f"unknown segment '{segment}': use one of {', '.join(SEGMENTS)}, or give it one of"
                " them as its persona in the map (segments: {" + segment + ": family})"
            )
        if locale not in AVAILABLE_LOCALES:
            raise ValueError(f"unknown locale '{locale}': use a Faker locale such as nl_NL or en_GB")
        profile = SEGMENTS[persona]
        persona_seed = _number(f"{seed}:{index}:{locale}:{segment}")
        fake = _faker(locale)
        fake.seed_instance(persona_seed)
        pick = random.Random(persona_seed)
        first, last = fake.first_name_female(), spoken_surname(fake.last_name())
        street, city = _street(fake, pick, profile, locale), _city(fake, pick, profile, locale)
        postcode = _postcode(str(fake.postcode()), locale)
        phone = fake.phone_number()
        age = pick.randint(*profile.ages)
        birthdate = _born(age, today or date.today(), pick)
        # 40 bits: no two mailboxes alike across the runs against one long-lived system.
        mailbox = hashlib.sha256(f"{run_id}:{worker}:{index}".encode()).hexdigest()[:10]
        key = f"{_slug(first)}-{mailbox}"
        email = email_template.format(key=key, domain=email_domain, first=_slug(first), last=_slug(last)).lower()
        return cls(
            first_name=first,
            last_name=last,
            name=f"{first} {last}",
            email=email,
            phone=phone,
            street=street,
            postcode=postcode,
            city=city,
            birthdate=birthdate,
            age=age,
            segment=segment,
            locale=locale,
            seed=seed,
            password=_password(),
            key=key,
            index=index,
            run_id=run_id,
            worker=worker,
            interests=profile.interests,
            persona=persona if persona != segment else "",
        )

    def registered(
        self, account: str, *, email: str, password: str, name: str | None = None, key: str | None = None
    ) -> Customer:
        """This customer as the existing account ``account``: its own address, password and name.

        What the account does not say (street, age...) stays this persona's; the key
        (the evidence folder) is the account's name with this customer's run-unique suffix.
        """
        first, _, last = (name or self.name).partition(" ")
        suffix = self.key.rsplit("-", 1)[-1]
        return replace(
            self,
            account=account,
            email=email,
            password=password,
            name=name or self.name,
            first_name=first if name else self.first_name,
            last_name=last if name else self.last_name,
            key=key or f"{_slug(account)}-{suffix}",
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Customer:
        """The customer of a ledger or stored promise again (without her password)."""
        fields = {k: v for k, v in d.items() if k not in ("birthdate", "interests")}
        return cls(
            **fields, birthdate=date.fromisoformat(d["birthdate"]), password="", interests=tuple(d.get("interests", ()))
        )

    def to_dict(self) -> dict[str, Any]:
        """Everything about the customer except the password (for ledgers and reports)."""
        return {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "street": self.street,
            "postcode": self.postcode,
            "city": self.city,
            "birthdate": self.birthdate.isoformat(),
            "age": self.age,
            "segment": self.segment,
            "locale": self.locale,
            "seed": self.seed,
            "key": self.key,
            "index": self.index,
            "run_id": self.run_id,
            "worker": self.worker,
            "interests": list(self.interests),
            **({"persona": self.persona} if self.persona else {}),
            **({"account": self.account} if self.account else {}),
        }


@lru_cache(maxsize=8)
def _faker(locale: str) -> Faker:
    # Making a Faker is slow (it loads its providers); one per locale, reseeded per customer.
    return Faker(locale)


def _number(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _street(fake: Faker, pick: random.Random, profile: Segment, locale: str) -> str:
    if profile.street_style == "office" and locale in _OFFICE_STREETS:
        name = pick.choice(_OFFICE_STREETS[locale])
        number = pick.randint(1, 250)
        return f"{number} {name}" if locale == "en_GB" else f"{name} {number}"
    street = ", ".join(line.strip() for line in str(fake.street_address()).splitlines())  # one line
    if profile.street_style == "room" and locale in _ROOM:
        street = f"{street} {_ROOM[locale].format(n=pick.randint(1, 40))}"
    return street


def _postcode(postcode: str, locale: str) -> str:
    plain = postcode.replace(" ", "").upper()
    if locale == "nl_NL" and len(plain) == 6:
        return f"{plain[:4]} {plain[4:]}"  # how Dutch customers write it: 1234 AB
    return postcode


def _city(fake: Faker, pick: random.Random, profile: Segment, locale: str) -> str:
    towns = profile.cities.get(locale)
    return pick.choice(towns) if towns else str(fake.city())


def _born(age: int, today: date, pick: random.Random) -> date:
    """A birthday that makes the customer exactly ``age`` on ``today``."""
    latest = _years_before(today, age)
    earliest = _years_before(today, age + 1)
    span = (latest - earliest).days  # earliest itself would make her age + 1
    return date.fromordinal(earliest.toordinal() + 1 + pick.randrange(span))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def age_on(birthdate: date, today: date) -> int:
    """Completed years on ``today``."""
    return today.year - birthdate.year - ((today.month, today.day) < (birthdate.month, birthdate.day))


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "customer"


def _password() -> str:
    fake = _faker("en_US")
    fake.seed_instance(secrets.randbits(64))
    return str(fake.password(length=16, special_chars=True, digits=True, upper_case=True, lower_case=True))


def spoken_surname(last: str) -> str:
    """``van Bourgondië`` for Faker's index form ``Bourgondië, van``: as she is called, and as reports name her."""
    surname, comma, prefix = last.partition(", ")
    return f"{prefix} {surname}" if comma else last
