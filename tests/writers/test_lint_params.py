"""``journeys lint`` checks every typed parameter of a step the way the step reads it: a bad value of
each kind is reported at its file and line with the message the runner would give (how to write it,
words of the same meaning); a good value passes."""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journeys.errors import StepError
from journeys.messages import Language, speak, stop_speaking
from journeys.vocabulary import params
from journeys.vocabulary.fact_words import fact_named, input_named
from journeys.vocabulary.lint import lint
from journeys.vocabulary.sentences import Catalogue, Sentence

NOW = datetime.now(ZoneInfo("Europe/Amsterdam"))

# One step per kind of parameter: (kind, English, Dutch, example values).
STEPS = [
    ("given", "it is {moment}", "het is {moment}", {"moment": "Friday 17:45"}),
    ("given", 'a customer in the "{segment}" segment', 'een klant in het segment "{segment}"', {"segment": "student"}),
    ("when", "{duration} pass", "er {duration} verstrijken", {"duration": "2 days"}),
    ("when", "she orders {quantity} tablets", "ze {quantity} tablets bestelt", {"quantity": "2"}),
    ("when", "she goes to the {channel}", "ze naar de {channel} gaat", {"channel": "web"}),
    ("when", "she visits {touchpoint}", "ze {touchpoint} bezoekt", {"touchpoint": "web.checkout"}),
    ("then", "she paid {amount}", "heeft ze {amount} betaald", {"amount": "€ 12,00"}),
    ("then", "delivery is promised on {day}", "wordt bezorging beloofd op {day}", {"day": "Wednesday"}),
    (
        "then",
        "every touchpoint agrees on the {fact}",
        "is elk contactpunt het eens over {fact}",
        {"fact": "order total"},
    ),
    (
        "then",
        "she was not asked for her {what} again",
        "is haar niet opnieuw naar haar {what} gevraagd",
        {"what": "order number"},
    ),
]


def catalogue() -> Catalogue:
    found = Catalogue()
    for number, (kind, en, nl, example) in enumerate(STEPS, start=1):
        for language, pattern in (("en", en), ("nl", nl)):
            found.sentences.append(Sentence(kind, language, pattern, pattern.format(**example), "", "test", key=number))
    return found


@pytest.fixture
def lint_step(project: Path):
    """Lint one scenario with ``steps`` (a Given first where needed): the problems as text."""

    def check(steps: str, language: str = "en") -> tuple[list[str], Path]:
        path = project / "features" / "values.feature"
        head = (
            "# language: nl\nFunctionaliteit: Waarden\n  Scenario: Een\n"
            if language == "nl"
            else ("Feature: Values\n  Scenario: One\n")
        )
        path.write_text(head + textwrap.indent(textwrap.dedent(steps), "    "), encoding="utf-8")
        problems = lint([str(path)], system="shop", root=project, catalogue=catalogue())
        return [str(p) for p in problems], path

    return check


def message(read, raw: str, language: Language = "en") -> str:
    """What the step's own reader says about ``raw``: the runner's message, to a journey in ``language``."""
    token = speak(language)
    try:
        with pytest.raises(StepError) as caught:
            read(raw)
    finally:
        stop_speaking(token)
    return str(caught.value)


def test_good_values_of_every_kind_pass(lint_step):
    problems, _ = lint_step("""\
        Given it is vrijdag 17:45
        And a customer in the "Student" segment
        When 2 dagen pass
        And she orders twee tablets
        And she goes to the webwinkel
        And she visits web.checkout
        Then she paid 12.00 EUR
        And delivery is promised on 27 november
        And every touchpoint agrees on the total
        And every touchpoint agrees on the order number
        And she was not asked for her e-mail address again
        And she was not asked for her postcode again
        """)
    assert problems == []
    dutch, _ = lint_step(
        """\
        Gegeven het is morgen om 9:30
        Dan is elk contactpunt het eens over het totaalbedrag
        En is elk contactpunt het eens over het bestelnummer
        En is haar niet opnieuw naar haar telefoonnummer gevraagd
        """,
        "nl",
    )
    assert dutch == []


@pytest.mark.parametrize(
    ("step", "raw", "read"),
    [
        ("Given it is {}", "Fridy 17:45", lambda raw: params.moment(raw, NOW)),
        ("When {} pass", "2 fortnights", params.duration),
        ("When she orders {} tablets", "veel", params.quantity),
        ("When she goes to the {}", "fax", params.channel),
        ("Then she paid {}", "twaalf euro", params.amount),
        ("Then delivery is promised on {}", "31 april", lambda raw: params.day(raw, NOW)),
        ("Then every touchpoint agrees on the {}", "return price", fact_named),
        ("Then she was not asked for her {} again", "shoe size", input_named),
    ],
    ids=["moment", "duration", "quantity", "channel", "amount", "day", "fact", "what"],
)
def test_a_bad_value_is_reported_as_the_step_would_report_it(lint_step, step, raw, read):
    problems, path = lint_step(("Given it is Friday 17:45\n" if "it is" not in step else "") + step.format(raw))
    line = 3 if "it is" in step else 4
    assert problems == [f"{path}:{line}: {message(read, raw)}"]
    assert f"'{raw}'" in problems[0]
    assert "write" in problems[0].lower()  # how to write it instead


def test_names_the_map_does_not_know_are_reported_with_the_maps_names(lint_step, project):
    the_map = project / "fixtures" / "systems" / "shop.yaml"
    problems, path = lint_step("""\
        Given a customer in the "studnet" segment
        When she visits web.chekout
        Then every touchpoint agrees on the delivery date
        """)
    assert problems == [
        f"{path}:3: unknown segment 'studnet': did you mean 'student'? "
        f"Write one of family, student (the segments of {the_map})",
        f"{path}:4: unknown touchpoint 'web.chekout': did you mean 'web.checkout'? "
        f"Write one of the touchpoints of {the_map}: email.order_confirmation, web.checkout",
        f"{path}:5: no touchpoint of {the_map} reads the fact 'delivery.date' ('delivery date'): "
        "add it to the facts of a touchpoint there, or check another fact",
    ]


def test_a_dutch_writer_gets_dutch_words_of_the_same_meaning(lint_step):
    problems, path = lint_step(
        """\
        Gegeven het is vrijdag 17:45
        Dan is elk contactpunt het eens over de retourprijs
        En is haar niet opnieuw naar haar telefoon gevraagd
        """,
        "nl",
    )
    assert problems == [
        f"{path}:5: {message(fact_named, 'de retourprijs', 'nl')}",
        f"{path}:6: {message(input_named, 'telefoon', 'nl')}",
    ]
    refund, phone = problems
    assert "onbekend feit 'de retourprijs': bedoel je 'het retourbedrag' (of 'de terugbetaling'" in refund
    assert "totaalbedrag'?" not in refund and "'het totaalbedrag' (of" not in refund
    assert "bedoel je 'telefoonnummer'" in phone and "Schrijf een van deze:" in phone


def test_a_dutch_writer_is_told_in_dutch_how_to_write_a_value(lint_step):
    problems, path = lint_step(
        """        Gegeven het is Funday 17:45
        Als er 0 dagen verstrijken
        """,
        "nl",
    )
    assert problems == [
        f"{path}:4: 'Funday 17:45' is geen tijdstip: schrijf het als 'vrijdag 17:45' of '2026-11-27 17:45'",
        f"{path}:5: '0 dagen' is geen tijdsduur: die moet langer dan nul zijn;"
        " schrijf het als '2 dagen', '3 uur', '30 minuten' of '1 week'",
    ]


def test_a_value_from_an_examples_row_is_reported_at_the_row(lint_step):
    problems, path = lint_step("""\
        Given it is Friday 17:45
        Then she was not asked for her <what> again

      Examples:
        | what         |
        | order number |
        | ordernumber  |
        """)
    assert problems == [
        f"{path}:9: step at line 4 with this Examples row: {message(input_named, 'ordernumber')}",
    ]
    assert "did you mean 'order number'" in problems[0]


def test_a_kind_of_ones_own_is_checked_by_lint_and_listed_by_the_catalogue(project: Path, monkeypatch):
    colours = {"red": "red", "rood": "red", "blue": "blue", "blauw": "blue"}

    def colour(text: str) -> str:
        if text.lower() not in colours:
            raise StepError(f"unknown colour '{text}': write one of {', '.join(colours)}")
        return colours[text.lower()]

    monkeypatch.setattr(params, "_OWN", dict(params._OWN))
    monkeypatch.setattr(params, "_NAMES", dict(params._NAMES))
    assert params.define("colour", colour, en="a colour: red, blue", nl="een kleur: rood, blauw") is colour
    assert params.kind_of("case_colour") == "colour"
    assert params.describe("colour", "nl") == "een kleur: rood, blauw"
    assert params.read_param("colour", "Rood", now=NOW) == "red"
    own = catalogue()
    own.sentences += [
        Sentence("then", "en", "the case is {colour}", "the case is red", "", "test", key=99),
        Sentence("then", "nl", "is de hoes {colour}", "is de hoes rood", "", "test", key=99),
    ]
    path = project / "features" / "colour.feature"
    path.write_text("Feature: F\n  Scenario: S\n    Then the case is green\n    And the case is blue\n", "utf-8")
    problems = [str(p) for p in lint([str(path)], system="shop", root=project, catalogue=own)]
    assert problems == [f"{path}:3: unknown colour 'green': write one of red, rood, blue, blauw"]
    with pytest.raises(ValueError, match="'amount' is already a kind"):
        params.define("amount", colour, en="", nl="")
