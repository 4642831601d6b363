"""The aiming contract: a journey composed from the catalogue after a fault's touchpoints, and accepted by
lint, is green on the clean reference shop and fails under that fault, naming where it shows.

A sample of faults, one per channel where the customer sees it (the app, the mail, the chat, the phone, the
store); the same seeds every run, so CI judges the writer and lint, not the luck of the draw. Under its fault,
the app's journeys run on every `pytest`, the other channels' nightly (`pytest -m nightly`). Every fault of
the shop, with more journeys each: ``bench/compose.py``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiming import names_a_place, places, walk, write_aimed, writer

from journeys.journey.session import SystemSession

#: A fault per channel, and the seeds of its journeys (English and Dutch).
SAMPLE = {
    "tracking-date-drift": (0, 1),  # the app
    "address-dropped": (0, 1),  # the mail
    "chat-date-differs": (0, 1),  # the chat
    "phone-date-differs": (0, 1),  # the phone desk
    "store-price-differs": (0, 1),  # the store's till
}

_customers = itertools.count()  # one customer per walk: no walk sees another's orders


@pytest.fixture(scope="module")
def composed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """The sample's aimed journeys that lint accepted, per fault; lint refusing one is a gap in the writer."""
    folder = tmp_path_factory.mktemp("aimed")
    composer, story = writer()
    found: dict[str, list[Path]] = {}
    for fault, seeds in SAMPLE.items():
        paths = [write_aimed(composer, story, fault, seed, folder) for seed in seeds]
        refused = [f"{fault}-{seed}.feature" for seed, path in zip(seeds, paths, strict=True) if path is None]
        assert not refused, f"lint refused aimed journeys: {refused} (in {folder})"
        found[fault] = [path for path in paths if path is not None]
    return found


@pytest.fixture(scope="module")
def clean_shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SystemSession]:
    session = SystemSession("refshop", reports_dir=tmp_path_factory.mktemp("clean"), seed=11)
    yield session
    session.close()


def test_every_aimed_journey_is_green_on_the_clean_shop(composed, clean_shop):
    red = {}
    for path in (p for paths in composed.values() for p in paths):
        why = walk(clean_shop, path, next(_customers))
        if why is not None:
            red[path.name] = f"{path.read_text(encoding='utf-8')}{why}"
    assert not red, "lint accepted these aimed journeys, and they failed on the clean shop:\n" + "\n".join(red.values())


EVERY_RUN = "tracking-date-drift"


@pytest.mark.parametrize(
    "fault", [f if f == EVERY_RUN else pytest.param(f, marks=pytest.mark.nightly) for f in sorted(SAMPLE)]
)
def test_an_aimed_journey_fails_under_its_fault_naming_where_it_shows(fault, composed, tmp_path):
    session = SystemSession("refshop", reports_dir=tmp_path, seed=11, faults=(fault,))
    try:
        outcomes = {path.name: walk(session, path, next(_customers)) for path in composed[fault]}
    finally:
        session.close()
    caught = [name for name, why in outcomes.items() if why is not None and names_a_place(why, fault)]
    assert caught, f"no aimed journey failed under {fault} naming one of {places(fault)}:\n" + "\n".join(
        f"{name}: {why or 'passed'}" for name, why in outcomes.items()
    )
