"""Tasks: how a customer does things on one system, in Python.

A system's tasks live in a module next to its touchpoint map
(``fixtures/systems/<system>_tasks.py``). Each is a plain function marked
with ``@task("place order")``; steps run them by name through
``journey.do("place order", sku=...)``.

A task receives the journey (see docs/new-system.md for the contract):

    journey.customer          the synthetic customer (name, email, address, password...)
    journey.web / .agent      browser drivers: goto, fill, click, submit, text_of, current_url
    journey.chat / .api       chat and API drivers: request(method, path, json=...)
    journey.mail              mail driver: receive(touchpoint, address)
    journey.visit(name, **p)  go to a touchpoint and record every fact it shows
    journey.read(name)        record the facts of the page the customer is on
    journey.observe(reading)  record a Reading the task made itself
    journey.gave(what, value, touchpoint)   remember what the customer gave

A task never touches Playwright, SMTP or HTTP objects: only the drivers do.

A task that raises something of its own (a ``KeyError`` in the module, say)
fails with one ``UserCodeError`` naming the step, the task and the line of the
task module; the full traceback goes to the customer's evidence folder.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import ConfigError, JourneysError
from journeys.systems.touchpoint_map import closest
from journeys.systems.user_code import user_error

if TYPE_CHECKING:
    from journeys.systems.touchpoint_map import TouchpointMap

F = TypeVar("F", bound=Callable[..., Any])

_MARK = "__journeys_task__"


def task(name: str) -> Callable[[F], F]:
    """Register the decorated function as the task ``name`` of its module.

    The function is returned unchanged; ``load_tasks`` finds it by a mark on
    the function, so registering has no global state and two systems can
    each have a task called "place order".
    """

    def mark(func: F) -> F:
        setattr(func, _MARK, _normal(name))
        return func

    return mark


@dataclass
class Tasks:
    """The tasks of one system, by name."""

    source: str
    functions: dict[str, Callable[..., Any]] = field(default_factory=dict)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _normal(name) in self.functions

    @property
    def names(self) -> list[str]:
        return sorted(self.functions)

    def get(self, name: str) -> Callable[..., Any]:
        """The task ``name``; unknown names fail listing the known ones and the closest."""
        try:
            return self.functions[_normal(name)]
        except KeyError:
            known = ", ".join(f"'{n}'" for n in self.names) or "none"
            raise ConfigError(
                f"{self.source}: no task '{name}'.{closest(_normal(name), self.functions)}"
                f" Known tasks: {known}."
                f' Add one with @task("{_normal(name)}") in {self.source}.'
            ) from None

    def run(self, name: str, journey: Any, **kwargs: Any) -> Any:
        """Run task ``name`` for ``journey`` with ``kwargs``; returns what the task returns.

        Raises:
            ConfigError: there is no task ``name``.
            JourneysError: as raised inside the task (a ``ChannelError`` from a
                driver, a ``StepError``...), unchanged: it already says where.
            UserCodeError: the task raised anything else; the original is its cause.
        """
        func = self.get(name)
        try:
            return func(journey, **kwargs)
        except JourneysError:
            raise
        except Exception as exc:  # KeyboardInterrupt, SystemExit and pytest's outcomes pass
            step = getattr(journey, "step", None)
            evidence = getattr(journey, "evidence", None)
            secrets = getattr(getattr(journey, "system", None), "secrets", None)
            raise user_error(
                exc,
                what=f"task '{_normal(name)}'",
                step_text=getattr(step, "text", None),
                location=getattr(step, "location", None),
                # Tests hand tasks stand-in journeys: use only the real things.
                evidence=evidence if isinstance(evidence, EvidenceStore) else None,
                # The journey's evidence store has no secrets of its own: the session's are the ones.
                secrets=secrets if isinstance(secrets, Secrets) else None,
                func=func,
            ) from exc


def load_tasks(source: TouchpointMap | str | Path | None) -> Tasks:
    """Load the tasks of a system.

    Args:
        source: a touchpoint map (its ``tasks:`` module next to it), a path to
            a ``.py`` file, or an importable module name. None gives no tasks.

    Raises:
        ConfigError: the module cannot be found or fails to import, or two
            tasks share a name.
    """
    if source is None:
        return Tasks("no task module")
    if not isinstance(source, (str, Path)):
        paths = source.tasks_paths
        if not paths:
            return Tasks(f"{source.path} (no `tasks:`)")
        found = Tasks(", ".join(map(str, paths)))
        for index, path in enumerate(paths):
            name = f"journeys_tasks_{source.system}" + (f"_{index}" if index else "")
            for task, function in _collect(_import_file(path, name), str(path)).functions.items():
                if task in found.functions and found.functions[task] is not function:
                    raise ConfigError(f"{path}: a task '{task}' is in {found.source} already: rename one of them.")
                found.functions[task] = function
        return found
    text = str(source)
    if text.endswith(".py") or Path(text).is_file():
        path = Path(text)
        if not path.is_file():
            raise ConfigError(f"{path}: no such task module. Check the path.")
        return _collect(_import_file(path, f"journeys_tasks_{_ident(path.stem)}"), str(path))
    try:
        module = importlib.import_module(text)
    except ImportError as exc:
        raise ConfigError(f"cannot import task module '{text}': {exc}. Give a path to the .py file instead.") from exc
    return _collect(module, getattr(module, "__file__", None) or text)


def _import_file(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ConfigError(f"{path}: cannot load it as a Python module.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look modules up by name
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise ConfigError(f"{path}: the task module failed to import: {type(exc).__name__}: {exc}") from exc
    return module


def _collect(module: ModuleType, source: str) -> Tasks:
    tasks = Tasks(source)
    for value in vars(module).values():
        name = getattr(value, _MARK, None)
        if name is None or not callable(value):
            continue
        if name in tasks.functions and tasks.functions[name] is not value:
            raise ConfigError(f"{source}: two tasks are called '{name}': rename one of them.")
        tasks.functions[name] = value
    return tasks


def normal_name(name: str) -> str:
    """A task's name as registered: lower case, single spaces."""
    return " ".join(name.split()).lower()


_normal = normal_name


def _ident(text: str) -> str:
    return re.sub(r"\W", "_", text)
