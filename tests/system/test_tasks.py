"""Task modules: registering, loading, running and the errors of each."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from journeys.errors import ConfigError
from journeys.system.tasks import load_tasks, task
from journeys.system.touchpoint_map import load_map

TASKS = '''
from journeys.system.tasks import task


@task("place order")
def place_order(journey, sku, quantity=1):
    journey.append(("ordered", sku, quantity))
    return f"RS-{quantity}"


@task("File   a Complaint")
def complain(journey, about):
    journey.append(("complained", about))


def helper(journey):
    """Not a task: not marked."""
'''


@pytest.fixture
def module(tmp_path: Path) -> Path:
    path = tmp_path / "shop_tasks.py"
    path.write_text(TASKS, encoding="utf-8")
    return path


def test_tasks_are_found_by_their_mark_and_run_with_the_journey(module):
    tasks = load_tasks(module)
    assert tasks.names == ["file a complaint", "place order"]
    journey: list[tuple] = []
    assert tasks.run("place order", journey, sku="tablet-10", quantity=2) == "RS-2"
    tasks.run("file a complaint", journey, about="wrong item")
    assert journey == [("ordered", "tablet-10", 2), ("complained", "wrong item")]
    assert "Place  Order" in tasks and "helper" not in tasks


def test_a_map_brings_its_own_task_module(module, tmp_path):
    (tmp_path / "shop.yaml").write_text("system: shop\ntasks: shop_tasks\ntouchpoints: {}\n", encoding="utf-8")
    tasks = load_tasks(load_map(tmp_path / "shop.yaml"))
    assert tasks.names == ["file a complaint", "place order"]
    assert tasks.source == str(module)


def test_a_map_without_tasks_has_none(tmp_path):
    (tmp_path / "shop.yaml").write_text("system: shop\ntouchpoints: {}\n", encoding="utf-8")
    assert load_tasks(load_map(tmp_path / "shop.yaml")).names == []


def test_an_unknown_task_lists_the_known_ones_and_the_closest(module):
    with pytest.raises(ConfigError) as info:
        load_tasks(module).run("place ordr", [])
    message = str(info.value)
    assert message.startswith(f"{module}: no task 'place ordr'. Did you mean 'place order'?")
    assert "Known tasks: 'file a complaint', 'place order'." in message
    assert '@task("place ordr")' in message


def test_two_tasks_with_one_name_are_refused(tmp_path):
    path = tmp_path / "twice.py"
    path.write_text(
        textwrap.dedent("""
        from journeys.system.tasks import task

        @task("pay")
        def pay(journey): ...

        @task("Pay")
        def pay_again(journey): ...
    """),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="two tasks are called 'pay'"):
        load_tasks(path)


def test_a_task_module_that_fails_to_import_says_so(tmp_path):
    path = tmp_path / "broken.py"
    path.write_text("import nowhere_to_be_found\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken.py: the task module failed to import: ModuleNotFoundError"):
        load_tasks(path)


def test_a_module_name_is_imported(module, monkeypatch):
    monkeypatch.syspath_prepend(str(module.parent))
    assert load_tasks("shop_tasks").names == ["file a complaint", "place order"]
    with pytest.raises(ConfigError, match="cannot import task module 'no_such_tasks'"):
        load_tasks("no_such_tasks")


def test_the_decorator_returns_the_function_unchanged():
    def wave(journey):
        return "hi"

    assert task("wave")(wave) is wave
    assert wave(None) == "hi"
