"""A crossed gate threshold (or a journey whose worker died) as a failed test case, so junit.xml and
Allure say what the exit code says.

The thresholds are judged once every journey has ended (they read the
ledgers), after pytest wrote junit.xml: the case is added to that file, and
written beside Allure's results as a result of its own.
"""

from __future__ import annotations

import json
import time
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

GATE_CASE = "gate thresholds"
GATE_CLASS = "journeys.gate"


def add_to_junit(path: Path, crossed: list[str]) -> None:
    """Append one failed testcase naming every crossed threshold to the junit.xml at ``path``."""
    if not path.is_file():
        return
    tree = ET.parse(path)
    root = tree.getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    if suite is None:
        return
    case = ET.SubElement(suite, "testcase", classname=GATE_CLASS, name=GATE_CASE, time="0.000")
    failure = ET.SubElement(case, "failure", message=f"gate thresholds crossed: {crossed[0]}")
    failure.text = "\n".join(crossed)
    for element in {suite, root}:
        for key in ("tests", "failures"):
            if key in element.attrib:
                element.set(key, str(int(element.get(key, "0")) + 1))
    tree.write(path, encoding="utf-8", xml_declaration=True)


def add_to_allure(results_dir: Path, crossed: list[str]) -> None:
    """Write one failed Allure result naming every crossed threshold into ``results_dir``."""
    message = "gate thresholds crossed:\n" + "\n".join(crossed)
    write_result(results_dir, GATE_CASE, GATE_CLASS, message, suite="release gate")


def write_result(
    results_dir: Path, name: str, full_name: str, message: str, *, suite: str, status: str = "failed"
) -> None:
    """One Allure result of a test no Allure listener saw end (a gate, a journey whose worker died)."""
    results_dir.mkdir(parents=True, exist_ok=True)
    now = int(time.time() * 1000)
    key = str(uuid.uuid4())
    result = {
        "uuid": key,
        "historyId": full_name,
        "name": name,
        "fullName": full_name,
        "status": status,
        "statusDetails": {"message": message},
        "stage": "finished",
        "start": now,
        "stop": now,
        "labels": [{"name": "suite", "value": suite}],
    }
    (results_dir / f"{key}-result.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
