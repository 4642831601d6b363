"""Evidence in Allure: shown from the run folder, linked under --report-url, never a local path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from allure_commons import model2
from ledger_factory import journey_dict

from journeys.core.ledger import Ledger
from journeys.reporting.allure_attachments import violations_html
from journeys.reporting.allure_links import LinkedPaths, shown

pytest_plugins = ["pytester"]

RUN = "reports/runs/20261130-152200-abcd"  # where ledger_factory's evidence lives
SHOT = f"{RUN}/evidence/anna-000000/web-08-web.order_confirmation.png"


def _result(folder: Path) -> model2.TestResult:
    absolute = folder.absolute()
    step = model2.TestStepResult(
        name="web · web.checkout",
        statusDetails=model2.StatusDetails(
            message=f"order.total not found (screenshot: {absolute}/evidence/a/web-01.png)."
        ),
    )
    return model2.TestResult(
        name="A tablet",
        description="features/order/web_order.feature:6",
        parameters=[model2.Parameter(name="evidence", value=f"{folder}/evidence/a/mail-01.eml")],
        statusDetails=model2.StatusDetails(
            message=f"evidence: {absolute}/evidence/a/web-01.png\n          {folder}/evidence/a/api-01.json",
            trace=f"at {absolute}/evidence/a/web-01.png",
        ),
        steps=[model2.TestStepResult(name="When she orders", steps=[step])],
    )


def test_paths_into_the_run_folder_are_shown_from_it_and_not_linked_without_a_url(tmp_path: Path):
    folder = tmp_path / "reports" / "runs" / "r1"
    result = _result(folder)

    links = LinkedPaths(folder).rewrite_result(result)

    written = json.dumps(result, default=vars)
    assert str(tmp_path) not in written
    assert result.statusDetails.message == "evidence: evidence/a/web-01.png\n          evidence/a/api-01.json"
    assert (
        result.steps[0].steps[0].statusDetails.message == "order.total not found (screenshot: evidence/a/web-01.png)."
    )
    assert result.parameters[0].value == "evidence/a/mail-01.eml"
    assert links == []  # Allure 3 opens http(s) links only: a relative one would not open


def test_a_relative_run_folder_is_rewritten_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    text = shown(f"evidence: {SHOT} and {tmp_path}/{SHOT}", Path(RUN))

    relative = SHOT.removeprefix(RUN + "/")
    assert relative == "evidence/anna-000000/web-08-web.order_confirmation.png"
    assert text == f"evidence: {relative} and {relative}"


def test_other_files_of_the_project_are_shown_from_it(tmp_path: Path):
    project = tmp_path / "shop"
    paths = LinkedPaths(project / "reports" / "runs" / "r1", project)

    text = paths.text(f"update `subject:` at {project}/journeys/maps/refshop.yaml:100; see /etc/hosts")

    assert text == "update `subject:` at journeys/maps/refshop.yaml:100; see /etc/hosts"


def test_under_a_report_url_each_named_file_is_a_link_once(tmp_path: Path):
    folder = tmp_path / "r1"
    result = _result(folder)
    result.links.append(model2.Link(type="link", url="https://ci.example/run/7/evidence/a/api-01.json", name="api"))

    links = LinkedPaths(folder, base="https://ci.example/run/7/").rewrite_result(result)

    assert result.statusDetails.message.startswith("evidence: https://ci.example/run/7/evidence/a/web-01.png\n")
    assert links == [  # api-01.json is a link already
        ("mail-01.eml", "https://ci.example/run/7/evidence/a/mail-01.eml"),
        ("web-01.png", "https://ci.example/run/7/evidence/a/web-01.png"),
    ]


def test_the_side_by_side_table_names_evidence_from_the_run_folder():
    ledger = Ledger.from_dict(journey_dict(0, stale_total=True))

    plain = violations_html(ledger.violations, Path(RUN))
    linked = violations_html(ledger.violations, Path(RUN), "https://ci.example/run/7")

    assert RUN not in plain
    assert f"<td>{SHOT.removeprefix(RUN + '/')}</td>" in plain
    assert f'<a href="https://ci.example/run/7/{SHOT.removeprefix(RUN + "/")}" target="_blank">' in linked


STEP_TEST = """
import allure
from pathlib import Path

from journeys.reporting import allure_report

FOLDER = Path({folder!r})


def test_checkout():
    allure_report.rewrite_paths_under(FOLDER, {url!r})
    with allure.step("web · web.checkout"):
        raise AssertionError(f"order.total not found (screenshot: {{FOLDER.absolute()}}/evidence/a/web-01.png)")
"""


@pytest.mark.parametrize("url", ["", "https://ci.example/run/7"])
def test_allure_writes_its_results_with_the_paths_rewritten(pytester: pytest.Pytester, url: str):
    # Through allure-pytest's own file writer: the rewrite must come before the result is written.
    pytester.makepyfile(test_step=STEP_TEST.format(folder="reports/runs/r1", url=url))
    results = pytester.path / "allure-results"

    done = pytester.runpytest_subprocess(f"--alluredir={results}", "-p", "no:cacheprovider")

    assert done.ret == 1
    [written] = [json.loads(p.read_text(encoding="utf-8")) for p in results.glob("*-result.json")]
    assert str(pytester.path) not in json.dumps(written)  # the traceback names test_step.py from the project
    shot = f"{url}/evidence/a/web-01.png" if url else "evidence/a/web-01.png"
    assert f"(screenshot: {shot})" in written["statusDetails"]["message"]
    assert f"(screenshot: {shot})" in written["steps"][0]["statusDetails"]["message"]
    assert written.get("links", []) == ([{"type": "link", "url": shot, "name": "web-01.png"}] if url else [])
