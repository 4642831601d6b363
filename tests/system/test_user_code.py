"""user_error: one message for an exception from the user's code, the traceback in evidence."""

from __future__ import annotations

import importlib.util
import pickle
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import JourneysError, UserCodeError
from journeys.systems.user_code import user_error

# Line numbers matter: the tests below name them.
USER_MODULE = """\
import json

from journeys.core.evidence import safe_name

PRICES = {"tablet-10": 249}


def price(sku):
    return PRICES[sku]


def parse(text):
    return json.loads(text)


def file_name(value):
    return safe_name(value)


def needs_two(a, b):
    return a + b


def tell(text):
    raise ValueError(text)
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in ``tmp_path``, as a project folder with its own reports folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def user(here: Path) -> Iterator[ModuleType]:
    path = here / "shop_tasks.py"
    path.write_text(USER_MODULE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("user_shop_tasks", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules["user_shop_tasks"] = module
    yield module
    del sys.modules["user_shop_tasks"]


def caught(call: Callable[[], object]) -> BaseException:
    try:
        call()
    except Exception as exc:
        return exc
    raise AssertionError("it did not raise")


def test_the_message_names_the_step_what_raised_and_the_users_line(user, here):
    exc = caught(lambda: user.price("phone-9"))
    error = user_error(
        exc,
        what="task 'place order'",
        step_text='When she orders a "phone-9" on the web shop',
        location="features/order/web_order.feature:8",
        evidence=EvidenceStore(here / "reports", "anna-3"),
    )
    assert isinstance(error, JourneysError)
    assert str(error) == (
        'features/order/web_order.feature:8 (When she orders a "phone-9" on the web shop):\n'
        "task 'place order' raised KeyError: 'phone-9'\n"
        "  shop_tasks.py:9: return PRICES[sku]\n"
        "  traceback: reports/evidence/anna-3/error-01-task-place-order.txt"
    )
    assert (error.file, error.line, error.source) == ("shop_tasks.py", 9, "return PRICES[sku]")
    assert (error.error_type, error.error_message) == ("KeyError", "'phone-9'")
    saved = (here / error.traceback).read_text(encoding="utf-8")
    assert saved.startswith("task 'place order' raised at features/order/web_order.feature:8 (When she orders")
    assert "Traceback (most recent call last)" in saved and "in price" in saved
    assert saved.rstrip().endswith("KeyError: 'phone-9'")


def test_the_users_line_is_the_deepest_outside_the_standard_library(user, here):
    error = user_error(caught(lambda: user.parse("{")), what="step 'x'", step_text=None, location=None, evidence=None)
    assert error.error_type == "JSONDecodeError"
    assert (error.file, error.line, error.source) == ("shop_tasks.py", 13, "return json.loads(text)")


def test_frames_inside_journeys_are_not_the_users(user, here):
    error = user_error(
        caught(lambda: user.file_name(None)), what="step 'x'", step_text=None, location=None, evidence=None
    )
    assert error.error_type == "TypeError"
    assert (error.file, error.line) == ("shop_tasks.py", 17)


def test_a_function_called_with_the_wrong_arguments_points_at_its_definition(user, here):
    exc = caught(lambda: user.needs_two(1))
    # The frame that raised is this test's lambda: say where the called function is instead.
    exc.__traceback__ = None
    error = user_error(exc, what="task 'add'", step_text=None, location=None, evidence=None, func=user.needs_two)
    assert (error.file, error.line, error.source) == ("shop_tasks.py", 20, "def needs_two(a, b):")


def test_without_a_step_or_evidence_the_message_is_shorter(user, here):
    error = user_error(
        caught(lambda: user.price("x")), what="step 'she orders'", step_text=None, location=None, evidence=None
    )
    assert str(error) == "step 'she orders' raised KeyError: 'x'\n  shop_tasks.py:9: return PRICES[sku]"
    assert error.traceback is None
    assert not (here / "reports").exists()


def test_secrets_are_masked_in_the_message_and_the_traceback(user, here):
    secrets = Secrets(["hunter2-secret"])
    store = EvidenceStore(here / "reports", "anna-3", secrets)
    error = user_error(
        caught(lambda: user.tell("password hunter2-secret refused")),
        what="task 'log in'",
        step_text="When she logs in",
        location="features/login.feature:4",
        evidence=store,
    )
    assert "hunter2-secret" not in str(error) and "password ••• refused" in str(error)
    saved = (here / error.traceback).read_text(encoding="utf-8") if error.traceback else ""
    assert "hunter2-secret" not in saved and "password ••• refused" in saved


def test_secrets_given_apart_from_the_evidence_store_are_masked_too(user, here):
    store = EvidenceStore(here / "reports", "anna-3")
    exc = caught(lambda: user.tell("token abcd-1234-efgh"))
    error = user_error(
        exc, what="task 't'", step_text=None, location=None, evidence=store, secrets=Secrets(["abcd-1234-efgh"])
    )
    assert "abcd-1234-efgh" not in str(error)
    assert "abcd-1234-efgh" not in (here / str(error.traceback)).read_text(encoding="utf-8")


def test_a_long_message_is_cut_and_a_multiline_one_stays_in_the_block(user, here):
    long = user_error(caught(lambda: user.tell("x" * 2000)), what="t", step_text=None, location=None, evidence=None)
    assert len(long.error_message) < 600 and long.error_message.endswith("…")
    lines = user_error(caught(lambda: user.tell("one\ntwo")), what="t", step_text=None, location=None, evidence=None)
    assert str(lines).splitlines()[:2] == ["t raised ValueError: one", "    two"]


def test_a_second_error_gets_a_file_of_its_own(user, here):
    store = EvidenceStore(here / "reports", "anna-3")
    paths = [
        user_error(caught(lambda: user.price("x")), what="task 'a'", step_text=None, location=None, evidence=store)
        for _ in range(2)
    ]
    assert [p.traceback for p in paths] == [
        "reports/evidence/anna-3/error-01-task-a.txt",
        "reports/evidence/anna-3/error-02-task-a.txt",
    ]


def test_evidence_that_cannot_be_written_does_not_hide_the_error(user, here):
    (here / "reports").write_text("a file where the folder should be", encoding="utf-8")
    error = user_error(
        caught(lambda: user.price("x")),
        what="task 'a'",
        step_text=None,
        location=None,
        evidence=EvidenceStore(here / "reports", "anna-3"),
    )
    assert str(error).startswith("task 'a' raised KeyError: 'x'\n")
    assert "traceback: not saved (" in str(error)


def test_the_error_pickles_with_its_attributes(user, here):
    error = user_error(
        caught(lambda: user.price("x")), what="task 'a'", step_text="When", location="f:1", evidence=None
    )
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, UserCodeError) and str(again) == str(error)
    assert (again.what, again.file, again.line, again.location) == ("task 'a'", "shop_tasks.py", 9, "f:1")
