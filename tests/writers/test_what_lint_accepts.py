"""What lint accepts runs green on the clean shop, in orders a customer lives: a fact a touchpoint shows only
with some moment (``only:`` in the map) is refused without it, in the writer's words and language; an order
an agent placed; an order after a checkout the shop refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from aiming import walk
from composing import ROOT

from journeys.errors import ConfigError
from journeys.journey.session import SystemSession
from journeys.systems.map_files import load_map
from journeys.vocabulary.lint import lint
from journeys.vocabulary.offers import Offers

PICKUP_EN = """\
Feature: The chat on a pickup order
  Scenario: She asks the chat
    Given a customer
    When she orders 1 "headphones" online for pickup at the Utrecht store
    And she asks in the chat where her order is
    Then chat.answer knows her {fact}
"""

PICKUP_NL = """\
# language: nl
Functionaliteit: De chat over een afhaalbestelling
  Scenario: Ze vraagt het de chat
    Gegeven een klant
    Als ze 1 "headphones" online bestelt om op te halen in de winkel in Utrecht
    En ze in de chat vraagt waar haar bestelling is
    Dan weet chat.answer wat haar bezorgdatum is
"""

HOME_EN = """\
Feature: The chat on a home delivery
  Scenario: She asks the chat
    Given a customer
    When she orders 1 "headphones" on the web shop
    And she asks in the chat where her order is
    Then chat.answer knows her delivery date
"""


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SystemSession]:
    session = SystemSession("refshop", reports_dir=tmp_path_factory.mktemp("reports"), seed=11)
    yield session
    session.close()


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "chat.feature"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in lint([str(path)], system="refshop", root=ROOT)]


def test_a_delivery_date_the_chat_shows_only_for_home_delivery_is_refused_after_a_pickup_order(tmp_path):
    found = problems(tmp_path, PICKUP_EN.format(fact="delivery date"))
    assert found == [
        f"{tmp_path / 'chat.feature'}:6: 'Then chat.answer knows her delivery date': chat.answer shows the delivery"
        " date only with an order delivered to her home, and there is none in this journey before it"
    ]
    assert problems(tmp_path, PICKUP_EN.format(fact="pickup date")) == []


def test_the_dutch_writer_hears_it_in_dutch(tmp_path):
    (found,) = problems(tmp_path, PICKUP_NL)
    assert found.endswith(
        ":7: 'Dan weet chat.answer wat haar bezorgdatum is': chat.answer laat de bezorgdatum alleen zien bij een"
        " bestelling die thuisbezorgd wordt, en die is er in deze journey nog niet"
    ), found


def test_what_lint_accepts_runs_green_on_the_clean_shop(shop, tmp_path):
    assert problems(tmp_path, HOME_EN) == []
    assert walk(shop, tmp_path / "chat.feature", index=1) is None
    (tmp_path / "chat.feature").write_text(PICKUP_EN.format(fact="pickup date"), encoding="utf-8")
    assert walk(shop, tmp_path / "chat.feature", index=2) is None


def test_a_moment_lint_does_not_know_is_a_map_error_with_its_line(tmp_path):
    maps = ROOT / "journeys" / "maps"
    for tasks in maps.glob("refshop*_tasks.py"):  # the map names its task modules beside it
        (tmp_path / tasks.name).write_text(tasks.read_text(encoding="utf-8"), encoding="utf-8")
    text = (maps / "refshop.yaml").read_text(encoding="utf-8")
    broken = text.replace("only: pickup order}", "only: pick up order}", 1)
    path = tmp_path / "refshop.yaml"
    path.write_text(broken, encoding="utf-8")
    line = next(n for n, row in enumerate(broken.splitlines(), 1) if "only: pick up order" in row)
    with pytest.raises(ConfigError) as caught:
        Offers.of([load_map(path)])
    assert f"refshop.yaml:{line}:" in str(caught.value)
    assert "`only: pick up order` is not a moment of a journey" in str(caught.value)
    feature = tmp_path / "home.feature"
    feature.write_text(HOME_EN, encoding="utf-8")
    (found,) = [str(p) for p in lint([str(feature)], system=str(path), root=tmp_path)]  # one line, no traceback
    assert found.startswith(f"{path}:{line}: ") or f"refshop.yaml:{line}: " in found, found
    assert "is not a moment of a journey" in found


AGENT_ORDER = """\
Feature: An order placed by an agent
  Scenario: The agent who placed it, and the console after
    Given she has an account and is logged in
    When she orders 1 "tablet-10" by phone
    And an agent looks her up in the agent console
    Then the agent sees her order
"""


def test_the_agent_sees_an_order_an_agent_placed_for_her(shop, tmp_path):
    """The phone desk that placed it told her the number first: the console's view is what is checked."""
    assert problems(tmp_path, AGENT_ORDER) == []
    assert walk(shop, tmp_path / "chat.feature", index=3) is None


REFUSED_THEN_ORDER = """\
Feature: A refused password, then an order
  Scenario: What the refused checkout put in her cart is not in her order
    Given it is Monday 10:00
    And a customer
    When she chooses the password "12345678" for her new account
    Then the shop refuses it as too weak
    When she orders 2 "tablet-10" on the web shop
    And 3 days pass
    And she returns the order through the returns portal
    And she reads the refund email
    Then she gets back what she paid
"""


def test_an_order_after_a_refused_checkout_is_hers_alone(shop, tmp_path):
    """The refused first checkout had a game in her cart: she takes it out, so the refund is what she paid."""
    assert problems(tmp_path, REFUSED_THEN_ORDER) == []
    assert walk(shop, tmp_path / "chat.feature", index=4) is None


LOOKED_BEFORE_THE_COMPLAINT = """\
Feature: The agent's view, before and after her complaint
  Scenario: The agent looked her up before she complained
    Given a customer
    When she orders 1 "headphones" on the web shop
    And 2 days pass
    And an agent looks her up in the agent console
    And she complains in the chat that she received the wrong item
    Then the agent sees her order and her complaint
"""


def test_a_page_shows_what_came_after_a_moment_only_on_a_visit_after_it(tmp_path):
    """The console showed no case when the agent looked, before her complaint: it cannot have shown hers."""
    (found,) = problems(tmp_path, LOOKED_BEFORE_THE_COMPLAINT)
    assert ":8: 'Then the agent sees her order and her complaint' needs a touchpoint that showed the case number" in (
        found
    )
    assert "'When an agent opens her complaint'" in found
