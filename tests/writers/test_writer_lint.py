"""``journeys lint``: each kind of problem a writer can make, as ``file:line: message``."""

from __future__ import annotations

import io
from pathlib import Path

from writer_steps import make_catalogue

from journeys.vocabulary.lint import Problem, lint, run_lint
from journeys.vocabulary.tags import registered_tags

ROOT = Path(__file__).resolve().parents[2]


def test_a_problem_reads_file_line_message():
    assert str(Problem("features/a.feature", 3, "undefined step")) == "features/a.feature:3: undefined step"
    assert (
        str(Problem("features", 0, "no .feature files in this folder")) == "features: no .feature files in this folder"
    )


def test_a_clean_feature_in_each_language_has_no_problems(check):
    assert (
        check("""\
        @gate @web @smoke
        Feature: Ordering
          Scenario: Two tablets on Friday
            Given a customer in the "family" segment
            And it is Friday 17:45
            When she orders two "tablet-10" on the web shop
            And 2 days pass
            Then she paid € 658,00
            And every touchpoint agrees on the order total
            And delivery is promised on 2026-11-30
        """)
        == []
    )
    assert (
        check(
            """\
        # language: nl
        @gate @web
        Functionaliteit: Bestellen
          Scenario: Twee tablets op vrijdag
            Gegeven een klant in het segment "gezin"
            En het is vrijdag 17:45
            Als ze twee "tablet-10" bestelt via de webwinkel
            En er 2 dagen verstrijken
            En ze web.checkout bezoekt
            Dan heeft ze 658.00 EUR betaald
            En is elk contactpunt het eens over het totaalbedrag
            En wordt bezorging beloofd op maandag
        """,
            name="bestellen.feature",
        )
        == []
    )


def test_a_parse_error_gives_the_line_and_its_text(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        Feature: Broken
          Scenario: Ordering
            Given a customer
          this is not gherkin
        """) == [
        f"{path}:4: Gherkin does not know this line: 'this is not gherkin': start it with a "
        "step keyword (Given, When, Then, And, But) or with '#' for a comment"
    ]


def test_an_empty_file_and_a_feature_without_scenarios(check, project):
    features = project / "features"
    assert check("\n\n", name="empty.feature") == [
        f"{features / 'empty.feature'}:1: empty feature file: write a Feature with a Scenario or remove the file"
    ]
    assert check("Feature: Only words\n  Nothing happens here.\n", name="words.feature") == [
        f"{features / 'words.feature'}:1: no scenarios: add a Scenario or remove the file"
    ]


def test_an_undefined_step_suggests_the_closest_known_steps(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        Feature: Typos
          Scenario: A customer who is mistyped
            Given a customr
            When she sings a song
        """) == [
        f"{path}:3: undefined step 'Given a customr': closest known steps: 'Given a customer'",
        f"{path}:4: undefined step 'When she sings a song': see `journeys steps` for the steps there are",
    ]


def test_a_dutch_file_hears_of_its_undefined_and_misplaced_steps_in_dutch(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        # language: nl
        Functionaliteit: Tikfouten
          Scenario: Een klant met een tikfout
            Gegeven een klnt
            En er 2 dagen verstrijken
            Als ze een lied zingt
        """) == [
        f"{path}:4: onbekende stap 'Gegeven een klnt': stappen die erop lijken: 'Gegeven een klant'",
        f"{path}:5: 'En er 2 dagen verstrijken' is een Als-stap, geen Gegeven-stap: schrijf "
        "'Als er 2 dagen verstrijken' (of 'En' na een Als-stap)",
        f"{path}:6: onbekende stap 'Als ze een lied zingt': zie `journeys steps --lang nl` voor de stappen die er zijn",
    ]


def test_a_dutch_step_in_an_english_file_says_to_add_the_language_line(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        Feature: Half Dutch
          Scenario: Een klant
            Given een klant
            Then is elk contactpunt het eens over het totaalbedrag
        """) == [
        f"{path}:3: this is a Dutch step: add '# language: nl' as the first line, "
        "or write it in English: 'Given a customer'",
        f"{path}:4: this is a Dutch step: add '# language: nl' as the first line, "
        "or write it in English: 'Then every touchpoint agrees on the order total'",
    ]


def test_an_english_step_in_a_dutch_file_says_so(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        # language: nl
        Functionaliteit: Half Engels
          Scenario: Een klant
            Gegeven a customer
        """) == [
        f"{path}:4: this is an English step: remove '# language: nl' from the top of the "
        "file, or write it in Dutch: 'Gegeven een klant'"
    ]


def test_a_dutch_file_without_its_language_line_is_one_problem(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        Functionaliteit: Bestellen
          Scenario: Een klant
            Gegeven een klant
        """) == [f"{path}:1: this is a Dutch line 'Functionaliteit: Bestellen': add '# language: nl' as the first line"]


def test_a_language_without_steps(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        # language: de
        Funktionalität: Bestellen
          Szenario: Ein Kunde
            Angenommen ein Kunde
        """) == [
        f"{path}:1: there are no steps in language 'de': write the journey in English, "
        "or in Dutch with '# language: nl' as the first line"
    ]


def test_a_step_after_the_wrong_keyword(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        Feature: Keywords
          Scenario: Time passes before anything happens
            Given a customer
            And 2 days pass
        """) == [
        f"{path}:4: 'And 2 days pass' is a When step, not a Given step: write "
        "'When 2 days pass' (or 'And' after a When step)"
    ]


def test_values_that_cannot_be_read(check, project):
    path = project / "features" / "journey.feature"
    the_map = project / "fixtures" / "systems" / "shop.yaml"
    assert check("""\
        Feature: Values
          Scenario: Everything mistyped
            Given a customer in the "studnet" segment
            And it is 30 februari 10:00
            When she orders veel "tablet-10" on the fax
            And she visits web.chekout
            Then she paid twaalf euro
            And delivery is promised on 31 april
        """) == [
        f"{path}:3: unknown segment 'studnet': did you mean 'student'? "
        f"Write one of family, student (the segments of {the_map})",
        f"{path}:4: could not read a moment from '30 februari 10:00': there is no 30 February; "
        "write it like 'Friday 17:45', 'vrijdag 17:45' or '2026-11-27 17:45'",
        f"{path}:5: could not read a quantity from 'veel': write a whole number from 1 up, like '2', 'twee' or 'two'",
        f"{path}:5: could not read a channel from 'fax': write one of agent, api, app, chat, "
        "click-and-collect, email, phone, returns, sms, store, web",
        f"{path}:6: unknown touchpoint 'web.chekout': did you mean 'web.checkout'? "
        f"Write one of the touchpoints of {the_map}: email.order_confirmation, web.checkout",
        f"{path}:7: could not read an amount from 'twaalf euro': write it like '€ 12,00' or '12.00 EUR'",
        f"{path}:8: could not read a day from '31 april': there is no 31 April; write it like "
        "'Wednesday', 'woensdag', '27 november' or '2026-11-27'",
    ]


def test_names_the_touchpoint_map_does_not_know(check, project):
    path = project / "features" / "journey.feature"
    the_map = project / "fixtures" / "systems" / "shop.yaml"
    problems = check("""\
        Feature: Names
          Scenario: Things the shop does not have
            Given a customer
            When she orders 1 "tablet-10" in the winkel
            When she orders 1 "tablet-10" on the winkel
            Then every touchpoint agrees on the delivery date
            And every touchpoint agrees on the colour
        """)
    assert problems[0] == (
        f"{path}:4: undefined step 'When she orders 1 \"tablet-10\" in the winkel': "
        "closest known steps: 'When she orders 2 \"tablet-10\" on the web'"
    )
    assert problems[1:3] == [
        f"{path}:5: {the_map} has no touchpoint on the channel 'store': add one there, or use one of email, web",
        f"{path}:6: no touchpoint of {the_map} reads the fact 'delivery.date' ('delivery date'): "
        "add it to the facts of a touchpoint there, or check another fact",
    ]
    # The fact words themselves are journeys.vocabulary.fact_words' to explain; the line is lint's.
    assert problems[3].startswith(f"{path}:7: unknown fact 'colour'")
    assert len(problems) == 4


def test_duplicate_scenario_names_name_both_places(check, write, project):
    first = write(
        """\
        Feature: One
          Scenario: Ordering a tablet
            Given a customer
          Scenario: ordering  a tablet
            Given a customer
        """,
        "one.feature",
    )
    second = write(
        """\
        Feature: Two
          Scenario: Ordering a tablet
            Given a customer
        """,
        "two.feature",
    )
    problems = lint([str(project / "features")], system="shop", root=project, catalogue=make_catalogue())
    assert [str(p) for p in problems] == [
        f"{first}:4: duplicate scenario name 'ordering  a tablet': also at {first}:2; give each scenario its own name",
        f"{second}:2: duplicate scenario name 'Ordering a tablet': also at {first}:2; give each scenario its own name",
    ]


def test_unregistered_tags_and_those_registered_in_pyproject(check, project):
    path = project / "features" / "journey.feature"
    registered = (
        "@agent, @api, @app, @black-friday, @chat, @email, @gate, @nightly, @phone, "
        "@returns, @slow, @smoke, @sms, @store, @web"
    )
    assert check("""\
        @gate @smoke @black-friday @gaet
        Feature: Tags
          @nightly @wbe
          Scenario: Tagged
            Given a customer
        """) == [
        f"{path}:1: unknown tag '@gaet': did you mean '@gate'? Or use one of {registered}, "
        "or register it in pyproject.toml under [tool.journeys] tags",
        f"{path}:3: unknown tag '@wbe': did you mean '@web'? Or use one of {registered}, "
        "or register it in pyproject.toml under [tool.journeys] tags",
    ]


def test_registered_tags_come_from_the_project_and_pyproject(project, tmp_path):
    assert {"gate", "nightly", "slow", "web", "sms", "smoke", "black-friday"} <= registered_tags(project)
    assert "smoke" not in registered_tags(tmp_path / "features")  # no pyproject there


def test_outline_placeholders_and_rows(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        Feature: Outlines
          Scenario Outline: The cut-off decides the day
            Given it is <moment>
            When she orders <n> "tablet-10" on the web
            Then delivery is promised on <day>

            Examples:
              | moment        | day    |
              | Friday 17:45  | Monday |
              | Fryday 17:45  | Mondey |

          Scenario Outline: Without examples
            Given a customer

          Scenario: A placeholder in a plain scenario
            Given it is <moment>
        """) == [
        f"{path}:4: <n> has no column in the Examples at line 7: add a column 'n' or write the value in the step",
        f"{path}:10: step at line 3 with this Examples row: could not read a moment from "
        "'Fryday 17:45': write it like 'Friday 17:45', 'vrijdag 17:45' or '2026-11-27 17:45'",
        f"{path}:10: step at line 5 with this Examples row: could not read a day from 'Mondey': "
        "write it like 'Wednesday', 'woensdag', '27 november' or '2026-11-27'",
        f"{path}:12: a Scenario Outline without Examples: add an Examples table below its steps, or make it a Scenario",
        f"{path}:16: <moment> in a scenario without Examples: add an Examples table with a column "
        "for it, or write the value",
    ]


def test_an_outline_row_with_an_undefined_step(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        Feature: Outlines
          Scenario Outline: Segments
            Given a customer in the "<segment>" segment
            Then she is a <segment>

            Examples:
              | segment |
              | student |
        """) == [
        f"{path}:8: step at line 4 with this Examples row: undefined step "
        "'Then she is a student': see `journeys steps` for the steps there are"
    ]


def test_the_first_step_needs_a_real_keyword(check, project):
    path = project / "features" / "journey.feature"
    assert check("Feature: x\n  Scenario: y\n    And a customer\n") == [
        f"{path}:3: the first step starts with 'And': start it with Given, When or Then"
    ]


def test_missing_paths_and_maps_are_problems_too(project):
    assert [
        str(p) for p in lint([str(project / "nowhere")], system="shop", root=project, catalogue=make_catalogue())
    ] == [f"{project / 'nowhere'}: no such file or folder"]
    problems = lint([str(project / "features")], system="elsewhere", root=project, catalogue=make_catalogue())
    assert [str(p) for p in problems] == [
        f"{project / 'features'}: no .feature files in this folder",
        f"{project / 'fixtures' / 'systems' / 'elsewhere.yaml'}: no touchpoint map for 'elsewhere' "
        "here: pass --system with a map's name or path",
    ]


def test_run_lint_prints_problems_and_fails(project, write, monkeypatch):
    write("Feature: x\n  Scenario: y\n    Given a customer\n")
    monkeypatch.chdir(project)
    out = io.StringIO()
    assert run_lint([], system="shop", catalogue=make_catalogue(), out=out) == 0
    assert out.getvalue() == "1 feature file, no problems\n"
    write("Feature: x\n  Scenario: z\n    Given nobody\n", "second.feature")
    out = io.StringIO()
    assert run_lint(["features"], system="shop", catalogue=make_catalogue(), out=out) == 1
    assert out.getvalue().splitlines()[-1] == "1 problem in 2 feature files"
    assert out.getvalue().startswith("features/second.feature:3: undefined step 'Given nobody'")


def test_the_repositorys_own_features_have_no_problems(monkeypatch):
    monkeypatch.chdir(ROOT)
    problems = lint(["features"])
    assert not problems, "journeys lint features/ found:\n" + "\n".join(map(str, problems))


def test_backgrounds_and_rules_are_checked_and_rule_tags_reported_once(check, project):
    path = project / "features" / "journey.feature"
    assert check("""\
        Feature: Rules
          Background:
            Given a customr

          @wbe
          Rule: Next day
            Background:
              Given it is Fridy 17:45

            Scenario: One
              Given a customer

            Scenario: Two
              Given a customer
        """) == [
        f"{path}:3: undefined step 'Given a customr': closest known steps: 'Given a customer'",
        f"{path}:5: unknown tag '@wbe': did you mean '@web'? Or use one of @agent, @api, @app, "
        "@black-friday, @chat, @email, @gate, @nightly, @phone, @returns, @slow, @smoke, @sms, "
        "@store, @web, or register it in pyproject.toml under [tool.journeys] tags",
        f"{path}:8: could not read a moment from 'Fridy 17:45': write it like 'Friday 17:45', "
        "'vrijdag 17:45' or '2026-11-27 17:45'",
    ]


def test_a_step_that_matches_two_sentences_is_ambiguous(project, write):
    from journeys.vocabulary.sentences import Catalogue, Sentence

    catalogue = Catalogue(
        [
            Sentence("when", "en", "she waits {duration}", "she waits 2 days", "", "waiting"),
            Sentence("when", "en", "she waits {count} days", "she waits 2 days", "", "patience"),
        ]
    )
    path = write("Feature: x\n  Scenario: y\n    When she waits 2 days\n")
    assert [str(p) for p in lint([str(path)], system="shop", root=project, catalogue=catalogue)] == [
        f"{path}:3: 'When she waits 2 days' matches more than one step: 'she waits {{duration}}' "
        "(waiting) and 'she waits {count} days' (patience); make the step sentences differ"
    ]


def test_a_broken_touchpoint_map_is_reported_with_its_lines(project, write):
    (project / "fixtures" / "systems" / "shop.yaml").write_text("touchpoints: [\n", encoding="utf-8")
    path = write("Feature: x\n  Scenario: y\n    Given a customer\n")
    problems = [str(p) for p in lint([str(path)], system="shop", root=project, catalogue=make_catalogue())]
    assert len(problems) == 1
    shop = project / "fixtures" / "systems" / "shop.yaml"
    assert problems[0].startswith(f"{shop}:2: not valid YAML: the file ends while a [, {{ or quote")
