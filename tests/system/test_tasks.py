"""Task modules: registering, loading, running and the errors of each."""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import ChannelError, ConfigError, StepError, UserCodeError
from journeys.journey.journey_touchpoints import Step
from journeys.systems.map_files import load_map
from journeys.systems.tasks import load_tasks, task

TASKS = '''
from journeys.systems.tasks import task


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
        from journeys.systems.tasks import task

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


# Line numbers matter: the tests below name them.
FAILING = """\
from journeys.errors import ChannelError
from journeys.errors import StepError
from journeys.systems.tasks import task

PRICES = {"tablet-10": 249}


@task("place order")
def place_order(journey, **kwargs):
    price = PRICES[kwargs["sku"]]
    return price


@task("check out")
def check_out(journey):
    raise ChannelError("web.checkout: could not click 'Pay' at http://shop/checkout")


@task("look up")
def look_up(journey, what):
    raise StepError(f"no {what} was shown yet")


@task("log in")
def log_in(journey, password):
    raise RuntimeError(f"login refused for {password}")


@task("give up")
def give_up(journey):
    raise KeyboardInterrupt
"""


@pytest.fixture
def failing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "shop_tasks.py"
    path.write_text(FAILING, encoding="utf-8")
    return path


def a_journey(tmp_path: Path, secrets: Secrets | None = None) -> SimpleNamespace:
    """What a task sees of a journey, as far as errors go: its step, evidence and secrets."""
    return SimpleNamespace(
        step=Step('When she orders a "tablet-10" on the web shop', "features/order/web_order.feature:8"),
        evidence=EvidenceStore(tmp_path / "reports", "anna-3f2a"),
        system=SimpleNamespace(secrets=secrets or Secrets()),
    )


def test_a_task_that_raises_fails_with_one_message_saying_where(failing, tmp_path):
    journey = a_journey(tmp_path)
    with pytest.raises(UserCodeError) as info:
        load_tasks(failing).run("Place  Order", journey, colour="red")
    assert str(info.value) == (
        'features/order/web_order.feature:8 (When she orders a "tablet-10" on the web shop):\n'
        "task 'place order' raised KeyError: 'sku'\n"
        '  shop_tasks.py:10: price = PRICES[kwargs["sku"]]\n'
        "  traceback: reports/evidence/anna-3f2a/error-01-task-place-order.txt"
    )
    assert isinstance(info.value.__cause__, KeyError)
    saved = (tmp_path / "reports/evidence/anna-3f2a/error-01-task-place-order.txt").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in saved
    assert "journeys/systems/tasks.py" in saved and "in place_order" in saved  # the full one, ours included
    assert saved.rstrip().endswith("KeyError: 'sku'")


def test_before_a_task_error_was_the_bare_exception(failing, tmp_path):
    # It used to be the KeyError itself, and pytest printed 40 lines without the step or the task.
    with pytest.raises(UserCodeError, match="task 'place order' raised KeyError") as info:
        load_tasks(failing).run("place order", a_journey(tmp_path))
    assert not isinstance(info.value, KeyError)


def test_a_task_called_with_the_wrong_arguments_points_at_the_task(failing, tmp_path):
    with pytest.raises(UserCodeError) as info:
        load_tasks(failing).run("check out", a_journey(tmp_path), sku="x")
    assert "task 'check out' raised TypeError: check_out() got an unexpected keyword argument 'sku'" in str(info.value)
    assert (info.value.file, info.value.line, info.value.source) == ("shop_tasks.py", 14, '@task("check out")')


@pytest.mark.parametrize(("name", "kind"), [("check out", ChannelError), ("look up", StepError)])
def test_our_own_errors_pass_through_unchanged(failing, tmp_path, name, kind):
    with pytest.raises(kind) as info:
        load_tasks(failing).run(name, a_journey(tmp_path), **({"what": "order.number"} if name == "look up" else {}))
    assert type(info.value) is kind
    assert not (tmp_path / "reports").exists()


def test_an_interrupt_passes_through(failing, tmp_path):
    with pytest.raises(KeyboardInterrupt):
        load_tasks(failing).run("give up", a_journey(tmp_path))


def test_the_sessions_secrets_are_masked_in_the_message_and_the_traceback(failing, tmp_path):
    journey = a_journey(tmp_path, Secrets(["s3cret-pass"]))
    with pytest.raises(UserCodeError) as info:
        load_tasks(failing).run("log in", journey, password="s3cret-pass")
    assert "login refused for •••" in str(info.value) and "s3cret-pass" not in str(info.value)
    saved = (tmp_path / str(info.value.traceback)).read_text(encoding="utf-8")
    assert "s3cret-pass" not in saved and "login refused for •••" in saved


def test_a_journey_without_step_or_evidence_still_gets_the_users_line(failing):
    with pytest.raises(UserCodeError) as info:
        load_tasks(failing).run("place order", [], sku="phone")
    assert str(info.value) == (
        "task 'place order' raised KeyError: 'phone'\n  shop_tasks.py:10: price = PRICES[kwargs[\"sku\"]]"
    )
