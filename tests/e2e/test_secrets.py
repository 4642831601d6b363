"""Passwords and tokens never reach reports, evidence, logs or error messages."""

from __future__ import annotations

import zipfile

import pytest

pytestmark = pytest.mark.e2e

PASSWORD = "Agent-Secret-7f3k9q"
TOKEN = "Clock-Token-x81hz2w"


def test_no_secret_in_any_report_file_or_the_output(run_journeys):
    # A failing journey keeps its Playwright trace, which saw the agent log in.
    run = run_journeys(
        "features/complaint/wrong_item.feature",
        faults=("agent-no-history",),
        extra=("-k", "service_recovery"),
        env={"REFSHOP_AGENT_PASSWORD": PASSWORD, "REFSHOP_CLOCK_TOKEN": TOKEN},
    )

    assert run.exit_code == 1, run.output
    files = [p for p in run.reports.rglob("*") if p.is_file()]
    assert any(p.name == "trace.zip" for p in files)
    texts = {"output": run.output}
    for path in files:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    texts[f"{path}:{name}"] = archive.read(name).decode("utf-8", "replace")
        else:
            texts[str(path)] = path.read_bytes().decode("utf-8", "replace")
    leaks = [where for where, text in texts.items() if PASSWORD in text or TOKEN in text]
    assert leaks == []
    assert len(texts) > 20  # screenshots, mails, API answers, ledger, trace entries, allure results
