"""A writer who aims: journeys composed from the catalogue to reach some touchpoints and check them.

Where the composition test's writer (``composing.py``) puts down what comes to
mind, this one is after a fault. She picks the sentences that touch the
places the fault shows at (``places``), checks and actions alike, and lives
first what each of them needs: for a missing moment, a step that gives it.
Now and then she lets time pass before she looks (a status moves on, a return
window closes). She ends with every check the catalogue lets her make there.
What she writes is plain catalogue, linted like any file.

Used by ``bench/compose.py`` (every fault of the shop) and the aiming test (a
few faults): under a fault some aimed journey must fail on it, naming one of
its places; on the clean shop every one is green.
"""

from __future__ import annotations

import copy
import functools
import random
import re
from collections.abc import Iterable
from pathlib import Path

from composing import LEAVE_OUT, composer_for
from ruamel.yaml import YAML

from journeys.core.customer import Customer
from journeys.errors import StepError
from journeys.journey.journey import Journey
from journeys.journey.runner import run_scenario
from journeys.journey.session import SystemSession
from journeys.vocabulary.composer import WRITERS_OWN, Candidate, Composer, feature
from journeys.vocabulary.decorators import CATALOGUE
from journeys.vocabulary.fact_words import fact_named
from journeys.vocabulary.feature import read_feature
from journeys.vocabulary.lint import lint
from journeys.vocabulary.lint_params import load_maps
from journeys.vocabulary.needs import TASK
from journeys.vocabulary.sentences import Sentence
from journeys.vocabulary.story import Lived, Story
from journeys.vocabulary.story_facts import Told
from refshop.faults import lookup

ROOT = Path(__file__).resolve().parents[2]

TARGETS = 4  # sentences at the wanted touchpoints she tries to get to, per journey
PREPARATION = 5  # steps she may live to meet one sentence's needs
CLOCK_GIVES = frozenset({"delivered"})  # moments no step gives but time passing does
LONGEST = 10  # steps before her checks: a journey a writer would write
#: Values that are a writer's own but whose catalogue example holds whenever the sentence may come:
#: twenty wrong passwords are too many, a page answers within seconds, "12345678" is too weak (and the
#: refused checkout leaves nothing behind for a later order).
EXAMPLE_HOLDS = frozenset({"n", "password"})
TIMED = ("seconds", "seconden")  # sentences that measure time: only when she is asked to (a bench, not CI)


def writer(system: str = "refshop") -> tuple[Composer, Story]:
    """The composer and story an aimed writer uses: the composition test's, with the map's own facts."""
    composer, story = composer_for(system)
    for tmap in load_maps([system], ROOT).maps:  # the facts the map names itself: "the return decision"
        for declared in tmap.facts.values():
            for language in ("en", "nl"):
                pool = composer.values.setdefault(("fact", language), [])
                pool += [w for w in getattr(declared, language)[:1] if w not in pool]
    return composer, story


@functools.cache
def catches() -> dict[str, dict[str, object]]:
    """``tests/e2e/fault_catches.yaml``, read once: per fault, the journey that catches it and where it shows."""
    return YAML(typ="safe").load((ROOT / "tests" / "e2e" / "fault_catches.yaml").read_text(encoding="utf-8"))


def places(fault: str) -> list[str]:
    """Where ``fault`` shows: its touchpoints in the shop's catalogue and those the journey that catches it
    names (``tests/e2e/fault_catches.yaml``)."""
    named = (catches().get(fault) or {}).get("touchpoints") or []
    return list(dict.fromkeys([*lookup(fault).touchpoints, *named]))


class Catch:
    """What the journey that catches a fault does: the products it orders, the days it lets pass, the steps it
    takes (by their function, in either language). An aimed writer leans towards them, as a writer told
    where a fault shows would."""

    def __init__(self, scenario: str = "") -> None:
        self.products = list(dict.fromkeys(re.findall(r'"([a-z0-9-]+)"', scenario)))
        self.days = {int(n) for n in re.findall(r"\b(\d+) days? pass", scenario)}
        lines = [re.sub(r"^\s*(Given|When|Then|And|But)\s+", "", line) for line in scenario.splitlines()]
        self.steps = {
            getattr(s.func, "__name__", "")
            for s in CATALOGUE.sentences
            if s.language == "en" and any(s.arguments(line) is not None for line in lines)
        }

    @classmethod
    def of(cls, fault: str) -> Catch:
        return cls(_catching_scenario(fault))


def _catching_scenario(fault: str) -> str:
    """The text of the scenario that catches ``fault`` (``tests/e2e/fault_catches.yaml``), from its line on."""
    journey = str((catches().get(fault) or {}).get("journey") or "")
    path, _, line = journey.partition(":")
    if not path or not (ROOT / path).is_file():
        return ""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()[int(line or 1) :]
    return "\n".join(lines[: next((i for i, text in enumerate(lines) if text.strip().startswith("Scenario")), None)])


class Aim:
    """One journey in the making, after ``focus`` (touchpoint names or their prefixes)."""

    def __init__(
        self,
        composer: Composer,
        story: Story,
        language: str,
        focus: Iterable[str],
        seed: int,
        *,
        timed: bool,
        catch: Catch | None = None,
    ) -> None:
        self.story, self.language, self.timed = story, language, timed
        self.catch = catch or Catch()
        self.focus = list(focus)
        self.composer = self._looking_at_focus(composer, self.catch.products)
        self.rng = random.Random(seed)
        self.patient = seed % 4 >= 2  # she lets time pass before her first look (the language is seed % 2)
        self.onward = seed % 3 != 2  # she goes for what needs a moment of its own first
        self.lived = Lived()
        self.steps: list[tuple[str, str]] = []

    def journey(self) -> list[tuple[str, str]]:
        targets = [
            c for kind in ("when", "then") for c in self._next(kind, Lived()) if self._at_focus(c) or self._catches(c)
        ]
        self._live(self._who(targets))
        self.rng.shuffle(targets)
        # What must come first comes first; sentences that need a moment of their own (a cancellation, a
        # return) lead somewhere new.
        targets.sort(
            key=lambda c: (
                "start" not in c.sentence.requires,
                self._closes(c),  # what needs her logged out or her order cancelled comes after the rest
                not self._catches(c),  # a step of the fault's own journey before others
                -sum(self._new_moment(n) for n in c.sentence.requires) if self.onward else 0,
                -self._dedication(c),  # a step that goes only where the fault is before one passing by
            )
        )
        self._reach_some(list({c.sentence.pattern: c for c in targets}.values()))  # one wording per sentence
        checks = {c.text: c for c in self._fitting("then") if self._at_focus(c) or not self._touches(c)}
        checks = dict(sorted(checks.items(), key=lambda item: not self._about_focus(item[1])))
        for check in list(checks.values())[: max(3, 15 - len(self.steps))]:
            if check.text not in self._written() and self.story.met(check.sentence, check.values, self.lived):
                self._live(check)
        return self.steps

    def _reach_some(self, targets: list[Candidate]) -> None:
        """Up to ``TARGETS`` of ``targets`` reached, in their order, those going where none went yet first."""
        covered: set[str] = set()
        reached = 0
        while targets and reached < TARGETS and len(self.steps) < LONGEST:
            target = next((t for t in targets if self._catches(t) or set(self._focus_of(t)) - covered), targets[0])
            targets.remove(target)
            self._reach(target)
            if target.text in self._written():
                reached += 1
                covered |= set(self._focus_of(target))

    def _catches(self, candidate: Candidate) -> bool:
        """Whether the journey that catches the fault takes this step too (in any wording or language)."""
        return getattr(candidate.sentence.func, "__name__", "") in self.catch.steps

    def _closes(self, candidate: Candidate) -> bool:
        """Whether what ``candidate`` needs is given by a step that ends a moment (she logs out, cancels)."""
        wanted = {m for need in candidate.sentence.requires if ":" not in need for m in need.split("|")}
        return any(wanted & set(s.gives) and any(g.startswith("-") for g in s.gives) for s in self.story.steps)

    def _dedication(self, candidate: Candidate) -> float:
        """The share of the touchpoints ``candidate`` uses that are at the focus."""
        touches = self._touches(candidate)
        return len(self._focus_of(candidate)) / len(touches) if touches else 0.0

    def _focus_of(self, candidate: Candidate) -> list[str]:
        return [tp for tp in self._touches(candidate) if _at(tp, self.focus)]

    def _new_moment(self, need: str) -> bool:
        """Whether ``need`` is a moment no first step gives (a cancellation, a complaint; not an order)."""
        if ":" in need:
            return False
        first = {m for c in self._next("when", Lived()) if c.fits for m in c.sentence.gives}
        return not set(need.split("|")) & first

    def _who(self, targets: list[Candidate]) -> Candidate:
        """Who she is: now and then one who has what a target needs (her account), else anyone."""
        givens = self._fitting("given")
        wanted = {m for c in targets for need in c.sentence.requires for m in need.split("|") if ":" not in need}
        serving = [c for c in givens if wanted & set(c.sentence.gives)]
        return self.rng.choice(serving if serving and self.rng.random() < 0.5 else givens)

    def _reach(self, target: Candidate, depth: int = 0) -> None:
        """Live what ``target`` needs (a step giving each missing moment, reached the same way), then ``target``."""
        for _ in range(PREPARATION):
            if len(self.steps) >= LONGEST:
                return
            if self.story.met(target.sentence, target.values, self.lived):
                if target.text in self._written():
                    return
                if self._wait_before(target):
                    continue  # time passed: what she needs may have changed
                self._live(target)
                return
            unmet = self._unmet(target)
            missing = {m for need in unmet if ":" not in need for m in need.split("|")}
            if any(need.startswith("no:") or need == "start" for need in unmet) or missing & set(self.lived.ended):
                return  # it cannot come any more in this journey
            wanted = {self._place(need, target) for need in unmet if need.startswith("visited:")}
            whens = self._next("when", self.lived)
            givers = [c for c in whens if missing & set(c.sentence.gives) or wanted & set(self._touches(c))]
            if missing & CLOCK_GIVES and "delivery order" in self.lived.moments:  # her parcel arrives in time
                givers += [c for c in whens if any(g.startswith("time:") for g in c.sentence.gives)]
            if not givers:  # it needs what touchpoints showed: go where the fault is
                givers = [c for c in whens if self._at_focus(c)]
            fitting = [c for c in givers if c.fits and c.text not in self._written()]
            most = max((len(missing & set(c.sentence.gives)) for c in fitting), default=0)
            fitting = [c for c in fitting if len(missing & set(c.sentence.gives)) == most]  # all it needs, if one can
            if fitting:  # where the fault is, if a step there gives it: an order by phone for the phone desk
                at_focus = [c for c in fitting if self._at_focus(c)] or fitting
                self._live(self.rng.choice([c for c in at_focus if self._catches(c)] or at_focus))
            elif givers and depth < 2:
                self._reach(self.rng.choice(givers), depth + 1)
            else:
                return

    def _wait_before(self, target: Candidate) -> bool:
        """A patient writer lets some time pass once after her order, before her first look at the fault."""
        if not self.patient or "order" not in self.lived.moments or "not shipped" in target.sentence.requires:
            return False
        self.patient = False
        waits = [c for c in self._fitting("when") if c.sentence.func.__name__ == "time_passes"]
        waits = [c for c in waits if int(str(c.values.get("duration", "0")).split()[0]) in self.catch.days] or waits
        if not waits:
            return False
        self._live(self.rng.choice(waits))
        return True

    @staticmethod
    def _place(need: str, candidate: Candidate) -> str:
        place = need.partition(":")[2]
        return str(candidate.values.get(place.strip("{}"), place)) if place.startswith("{") else place

    def _unmet(self, candidate: Candidate) -> list[str]:
        probe = Told(0, "", candidate.text, candidate.sentence, candidate.values)
        check = self.story._unmet  # noqa: SLF001  # lint's own reading of one need
        return [n for n in candidate.sentence.requires if check(n, probe, self.lived, "en", explain=False)]

    def _next(self, kind: str, lived: Lived) -> list[Candidate]:
        """The composer's sentences, and those whose own values hold as the catalogue's example has them."""
        found = self.composer.next(kind, self.language, lived)
        for sentence in _examples_that_hold(kind, self.language):
            if not self.timed and any(word in sentence.pattern for word in TIMED):
                continue
            values = sentence.arguments(sentence.example) or {}
            found.append(Candidate(sentence, sentence.example, values, self.story.met(sentence, values, lived)))
        return found

    def _fitting(self, kind: str) -> list[Candidate]:
        written = self._written()
        return [c for c in self._next(kind, self.lived) if c.fits and c.text not in written]

    def _live(self, chosen: Candidate) -> None:
        kind = chosen.sentence.kind
        self.steps.append((kind, chosen.text))
        self.story.live(chosen.sentence, chosen.values, self.lived)

    def _written(self) -> set[str]:
        return {text for _, text in self.steps}

    def _touches(self, candidate: Candidate) -> list[str]:
        """The touchpoints ``candidate`` uses, its own and its tasks': also those someone else tries."""
        found = list(self.story.visits(candidate.sentence, candidate.values))
        offers = self.story.offers
        for need in candidate.sentence.needs:
            if need.startswith(TASK) and offers is not None:
                found += sorted(offers.visits.get(self.story._task(need) or "", ()))  # noqa: SLF001
            elif not need.startswith("{") and ":" not in need:
                found.append(need)
        return list(dict.fromkeys(found))

    def _looking_at_focus(self, composer: Composer, products: list[str]) -> Composer:
        """``composer`` offering first the facts the focus shows (it offers a parameter's first values only),
        and only the fault's products where it names them."""
        mine = copy.copy(composer)
        mine.values = dict(composer.values)
        key = ("fact", self.language)
        mine.values[key] = sorted(mine.values.get(key, []), key=lambda word: self._fact(word) not in self._shown())
        pool = mine.values.get(("sku", self.language), [])
        if [p for p in products if p in pool]:
            mine.values["sku", self.language] = [p for p in products if p in pool]
            mine.values["sku_2", self.language] = [p for p in pool if p not in products]
        return mine

    def _fact(self, word: str) -> str:
        try:
            return fact_named(word, self.story.fact_words)
        except StepError:
            return word

    def _shown(self) -> set[str]:
        """The facts the touchpoints at focus always show (not those they show for some orders only)."""
        return {f for tp, facts in _always_shown().items() if _at(tp, self.focus) for f in facts}

    def _about_focus(self, check: Candidate) -> bool:
        """Whether ``check`` looks at the focus: it goes there, or it holds a fact the focus shows."""
        fact = check.values.get("fact")
        return self._at_focus(check) or (fact is not None and self._fact(str(fact)) in self._shown())

    def _at_focus(self, candidate: Candidate) -> bool:
        return any(_at(v, self.focus) for v in self._touches(candidate))


def _at(touchpoint: str, focus: list[str]) -> bool:
    return any(touchpoint == w or touchpoint.startswith(f"{w}.") for w in focus)


@functools.cache
def _always_shown(system: str = "refshop") -> dict[str, frozenset[str]]:
    """Touchpoint -> the facts it shows for every order (the map's ``optional`` ones left out)."""
    return {
        name: frozenset(fact for fact, reader in tp.facts.items() if not reader.optional)
        for tmap in load_maps([system], ROOT).maps
        for name, tp in tmap.touchpoints.items()
    }


def _examples_that_hold(kind: str, language: str) -> list[Sentence]:
    """Sentences the composer leaves out for their own values, when those are all ``EXAMPLE_HOLDS``."""
    found = []
    for s in CATALOGUE.sentences:
        own = set(re.findall(r"\{(\w+)", s.pattern))
        if s.kind != kind or s.language != language or not s.own or s.retired:
            continue
        if getattr(s.func, "__name__", "") not in LEAVE_OUT and own & WRITERS_OWN and own <= EXAMPLE_HOLDS:
            found.append(s)
    return found


def aimed(
    composer: Composer,
    story: Story,
    language: str,
    focus: Iterable[str],
    seed: int,
    *,
    timed: bool = False,
    catch: Catch | None = None,
) -> list[tuple[str, str]]:
    """One journey in ``language`` after ``focus`` (leaning towards what ``catch``, the fault's own journey,
    does), as (kind, text) steps; with checks that measure time only when ``timed``."""
    return Aim(composer, story, language, focus, seed, timed=timed, catch=catch).journey()


def names_a_place(why: str, fault: str) -> bool:
    """Whether a failure ``why`` names a touchpoint where ``fault`` shows (``chat`` names ``chat.answer``;
    ``web.account`` does not name ``web.account_order``)."""
    return any(re.search(rf"(?<![\w.]){re.escape(tp)}(?!\w)", why) for tp in places(fault))


def write_aimed(
    composer: Composer, story: Story, fault: str, seed: int, folder: Path, *, timed: bool = False
) -> Path | None:
    """The aimed journey ``seed`` after ``fault`` (English for even seeds, Dutch for odd) as a feature file in
    ``folder``; None when lint refuses it (a gap in the writer, not the shop)."""
    language = ("en", "nl")[seed % 2]
    steps = aimed(composer, story, language, places(fault), seed, timed=timed, catch=Catch.of(fault))
    path = folder / f"{fault}-{seed}.feature"
    path.write_text(feature(language, f"Aimed at {fault} {seed}", steps), encoding="utf-8")
    return None if lint([str(path)], system="refshop", root=ROOT) else path


def walk(session: SystemSession, path: Path, index: int) -> str | None:
    """The journey of ``path`` walked browserless by customer ``index`` (one per walk of a session): what
    stopped it, or None when it passed."""
    scenario = read_feature(path)[0]
    journey = Journey(session, Customer.create(11, index=index, run_id="aimed"), name=scenario.name)
    journey.browserless = True  # type: ignore[attr-defined]  # the per-journey choice make_driver reads
    result = run_scenario(scenario, journey)
    journey.close(failed=not result.passed)
    return None if result.passed else str(result.error)
