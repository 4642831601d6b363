"""The customer's memory: what it gave, was asked, saw and was promised, and when she was known.

One ledger per scenario (never shared, never global). Everything is recorded
in the order it happened (``seq``: the system's clock may stand still between
touchpoints, so time alone cannot order them) and the whole ledger
serializes to JSON and back with every typed value intact.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from journeys.core.promise_records import Promise, PromiseCheck
from journeys.core.records import (
    Input,
    Login,
    Observation,
    Provenance,
    Question,
    Visit,
    observation_from_dict,
    observation_to_dict,
)
from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.messages import say
from journeys.values import Unreadable, decode, encode, read_value

FORMAT_VERSION = 1

__all__ = ["FORMAT_VERSION", "Ledger"]


class Ledger:
    """One customer's journey, in order: inputs, questions, visits, observations, promises, logins.

    Whether the company knew who she was (``identified``) is not a flag: it is read from the
    logins recorded so far (she logged in, an account was made for her, she logged out), and each
    question keeps what it was at the moment she was asked.

    Args:
        customer: the customer's details (``Customer.to_dict()``, no password).
        seed: the seed the customer was made from, to replay the journey.
        system: the system's name (the touchpoint map's ``system``).
    """

    def __init__(self, customer: dict[str, Any], seed: int | None, system: str = "") -> None:
        self.customer = customer
        self.seed = seed
        self.system = system
        self.inputs: list[Input] = []
        self.observations: list[Observation] = []
        self.questions: list[Question] = []
        self.visits: list[Visit] = []
        self.promises: list[Promise] = []
        self.logins: list[Login] = []
        self.violations: list[Violation] = []
        self._by_fact: dict[str, list[Observation]] = {}
        self._seq = 0
        self.epoch = 0  # how often the clock moved: a status or a product page's promise holds for one epoch

    def clock_moved(self) -> None:
        """The system's clock moved: what changes with time (a status) is compared within an epoch."""
        self.epoch += 1

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    # -- recording ----------------------------------------------------------

    def observe(
        self,
        fact: str,
        raw: str | None,
        *,
        kind: str,
        where: Provenance,
        about: str = "",
        vocabulary: Mapping[str, str] | None = None,
        currency: str | None = None,
        missing: str | None = None,
        product: str = "",
    ) -> Observation:
        """Record what ``where.touchpoint`` showed for ``fact``, read as ``kind``.

        ``raw`` None means the touchpoint did not show the fact. Text that
        cannot be read is recorded with value None and its problem
        (``could not read a date from 'x' at web.checkout``): rules report
        it, nothing raises here. ``vocabulary`` is for status facts,
        ``currency`` for amounts shown without one (JSON); see ``read_value``.
        ``missing`` replaces the "not shown" problem when ``raw`` is None; ``product`` is the product a
        product page showed it for (rules compare a product's facts with that product's only).
        """
        value, problem = _read(fact, raw, kind, where, vocabulary, currency)
        if raw is None and missing:
            problem = missing  # the channel's fuller account: selector, URL, screenshot
        observation = Observation(fact, kind, raw, value, about, where, problem, self._next(), product, self.epoch)
        self._add_observation(observation)
        return observation

    def _add_observation(self, observation: Observation) -> None:
        self.observations.append(observation)
        self._by_fact.setdefault(observation.fact, []).append(observation)

    def gave(self, what: str, value: Any, touchpoint: str, where: Provenance) -> Input:
        """Record that the customer gave ``what`` (its ``value``) to ``touchpoint``."""
        given = Input(what, value, touchpoint, where, self._next())
        self.inputs.append(given)
        return given

    def asked(self, what: str, touchpoint: str, where: Provenance) -> Question:
        """Record that ``touchpoint`` asked the customer for ``what`` (as herself, if the logins say she was known)."""
        question = Question(what, touchpoint, where, self.identified, self._next())
        self.questions.append(question)
        return question

    def logged_in(self, touchpoint: str, where: Provenance) -> Login:
        """Record that she logged in at ``touchpoint``, or was made known there (an account made at checkout)."""
        return self._login(True, touchpoint, where)

    def logged_out(self, touchpoint: str, where: Provenance) -> Login:
        """Record that she logged out at ``touchpoint``: from now on the company does not know who she is."""
        return self._login(False, touchpoint, where)

    def _login(self, logged_in: bool, touchpoint: str, where: Provenance) -> Login:
        login = Login(logged_in, touchpoint, where, self._next())
        self.logins.append(login)
        return login

    @property
    def identified(self) -> bool:
        """Whether the company knows who she is now: her last login says so, and a logout since does not."""
        return self.identified_at()

    def identified_at(self, seq: int | None = None) -> bool:
        """Whether she was known just before the record ``seq`` (None: now): the last login before it."""
        before = [login for login in self.logins if seq is None or login.seq < seq]
        return before[-1].logged_in if before else False

    def visited(self, touchpoint: str, channel: str, started: datetime, waited_seconds: float) -> Visit:
        """Record a visit to ``touchpoint`` and how long the customer waited for it."""
        visit = Visit(touchpoint, channel, started, waited_seconds, self._next())
        self.visits.append(visit)
        return visit

    def promise(
        self,
        fact: str,
        raw: str | None,
        *,
        kind: str,
        due: datetime,
        check: PromiseCheck,
        where: Provenance,
        about: str = "",
        vocabulary: Mapping[str, str] | None = None,
        currency: str | None = None,
        id: str | None = None,
    ) -> Promise:
        """Record a promise (``raw``, read as ``kind``), due at ``due``, checked by ``check``.

        An unreadable promise is recorded with value None and its problem as
        ``verdict``; *promise kept* reports it as broken when it is due.
        """
        value, verdict = _read(fact, raw, kind, where, vocabulary, currency)
        made = Promise(
            id or f"p{len(self.promises) + 1}",
            fact,
            kind,
            value,
            raw,
            due,
            check,
            where,
            verdict=verdict,
            about=about,
            seq=self._next(),
        )
        self.promises.append(made)
        return made

    def add(self, violations: Iterable[Violation]) -> None:
        """Add what a rule found; a violation already on the ledger is not added twice."""
        seen = {v.render() for v in self.violations}
        for violation in violations:
            text = violation.render()
            if text not in seen:
                self.violations.append(violation)
                seen.add(text)

    # -- reading --------------------------------------------------------------

    def observations_of(
        self, fact: str, about: str | None = None, *, touchpoint: str | None = None
    ) -> list[Observation]:
        """Every observation of ``fact`` in order (only ``about``/``touchpoint`` when given)."""
        found = self._by_fact.get(fact, [])
        if about is not None:
            found = [o for o in found if o.about == about]
        if touchpoint is not None:
            found = [o for o in found if o.where.touchpoint == touchpoint]
        return list(found)

    def latest(self, fact: str, about: str | None = None, *, touchpoint: str | None = None) -> Observation | None:
        """The most recent observation of ``fact`` (readable or not), or None."""
        found = self.observations_of(fact, about, touchpoint=touchpoint)
        return found[-1] if found else None

    @property
    def events(self) -> list[Input | Question | Visit | Observation | Promise | Login]:
        """Everything on the ledger in the order it happened (for journey maps)."""
        records: list[Input | Question | Visit | Observation | Promise | Login] = [
            *self.logins,
            *self.inputs,
            *self.questions,
            *self.visits,
            *self.observations,
            *self.promises,
        ]
        return sorted(records, key=lambda record: record.seq)

    # -- serializing ------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The whole ledger as JSON-ready data."""
        return {
            "version": FORMAT_VERSION,
            "system": self.system,
            "customer": encode(self.customer),
            "seed": self.seed,
            "inputs": [i.to_dict() for i in self.inputs],
            "questions": [q.to_dict() for q in self.questions],
            "visits": [v.to_dict() for v in self.visits],
            "observations": [observation_to_dict(o) for o in self.observations],
            "promises": [p.to_dict() for p in self.promises],
            "logins": [login.to_dict() for login in self.logins],
            "violations": [v.to_dict() for v in self.violations],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Ledger:
        """A ledger as ``to_dict`` wrote it.

        Raises:
            ValueError: the data was written by a newer version of journeys.
        """
        version = d.get("version", FORMAT_VERSION)
        if version > FORMAT_VERSION:
            raise ValueError(
                f"ledger format {version} is newer than this journeys reads ({FORMAT_VERSION}): upgrade journeys"
            )
        ledger = cls(decode(d.get("customer", {})), d.get("seed"), d.get("system", ""))
        ledger.inputs = [Input.from_dict(i) for i in d.get("inputs", [])]
        ledger.logins = [Login.from_dict(login) for login in d.get("logins", [])]
        ledger.questions = [
            Question.from_dict(q, ledger.identified_at(q.get("seq", 0))) for q in d.get("questions", [])
        ]
        ledger.visits = [Visit.from_dict(v) for v in d.get("visits", [])]
        for o in d.get("observations", []):
            ledger._add_observation(observation_from_dict(o))
        ledger.promises = [Promise.from_dict(p) for p in d.get("promises", [])]
        ledger.violations = [Violation.from_dict(v) for v in d.get("violations", [])]
        ledger._seq = max((r.seq for r in ledger.events), default=0)
        return ledger

    @classmethod
    def from_json(cls, text: str) -> Ledger:
        return cls.from_dict(json.loads(text))


def _read(
    fact: str,
    raw: str | None,
    kind: str,
    where: Provenance,
    vocabulary: Mapping[str, str] | None,
    currency: str | None,
) -> tuple[Any, str | None]:
    """The value of ``raw`` and None, or None and the problem."""
    if raw is None:
        return None, say("not_shown", fact=fact, name=words(fact), touchpoint=where.touchpoint)
    try:
        value = read_value(kind, raw, seen_at=where.seen_at, vocabulary=vocabulary, currency=currency)
    except Unreadable as exc:
        return None, exc.at(where.touchpoint)
    return value, None
