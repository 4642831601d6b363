"""The project an editor has open, read as ``journeys steps`` and ``journeys lint`` read it.

Its own steps (``steps/``), its maps (``fixtures/systems/`` or the bundled ones, ``--system``) and
its registered tags (``pyproject.toml``) are read once into one lint run (:class:`Linter`), which
the server keeps: completion, diagnostics, hover and the rest all ask it. When a step file, a map,
a task module or ``pyproject.toml`` changes on disk, ``refresh`` reads the project again.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from journeys.lsp.param_words import ParameterWords
from journeys.vocabulary.catalogue import load_steps, project_root
from journeys.vocabulary.composer import Composer
from journeys.vocabulary.decorators import CATALOGUE
from journeys.vocabulary.fact_words import fact_words
from journeys.vocabulary.lint import parse_problems
from journeys.vocabulary.lint_files import Linter
from journeys.vocabulary.sentences import Sentence

__all__ = ["Project", "Settings"]

_MEMO = 512  # completions kept per reading of the project


@dataclass(frozen=True)
class Settings:
    """What the server was started with: the project's root and the systems its journeys run on."""

    root: Path
    systems: tuple[str, ...] = ("refshop",)

    @classmethod
    def of(cls, folder: str | Path | None, systems: Sequence[str] = ()) -> Settings:
        """The project ``folder`` (default: the working directory) is in, as ``journeys lint`` finds it."""
        return cls(project_root(folder), tuple(systems) or ("refshop",))


class Project:
    """The catalogue, maps and tags of one project, and what was wrong reading them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.errors: list[str] = []  # said to the writer once per reading: a step file that raises, a bad map
        self._stamps: dict[Path, float] = {}
        self.generation = 0  # counts readings: a document's cached story belongs to one
        self.memo: dict[Any, Any] = {}  # what completion worked out, for as long as this reading holds
        self._read()

    @property
    def root(self) -> Path:
        return self.settings.root

    def refresh(self, changed: Sequence[Path] = ()) -> bool:
        """Read the project again when a file it was read from changed (or ``changed`` names one).

        Returns:
            Whether it was read again.
        """
        now = self._stamp()
        if now == self._stamps and not any(path.suffix == ".py" and _is_step(path, self.root) for path in changed):
            return False
        self._read()
        return True

    def _read(self) -> None:
        errors: list[str] = []
        folder = self.root / "steps"
        try:
            load_steps(self.root)  # the first reading imports them; later ones re-import what changed
        except Exception:
            pass  # each module is tried again below, and what it raised is said
        for module in sorted(folder.glob("*.py")) if folder.is_dir() else []:
            if module.stem == "__init__" or module.stem.startswith(("test_", "conftest")):
                continue
            before = self._stamps.get(module)
            if before is not None and before == _mtime(module):
                continue
            name = f"steps.{module.stem}"
            if before is None and name in sys.modules:
                continue  # load_steps has just imported it
            kept = _forget(name)  # a sentence the writer changed or removed goes; the module declares the rest
            try:
                importlib.invalidate_caches()
                # Its bytecode goes too: a save within the same second, of the same size (one word for
                # another), would pass the cache's mtime-and-size check and bring the old sentences back.
                Path(importlib.util.cache_from_source(str(module))).unlink(missing_ok=True)
                if name in sys.modules:
                    importlib.reload(sys.modules[name])
                else:
                    importlib.import_module(name)
            except Exception as exc:  # a writer's half-saved step file: say so, keep its steps as they were
                _forget(name)
                CATALOGUE.sentences.extend(kept)
                errors.append(f"{module}: {type(exc).__name__}: {exc}")
        for gone in [path for path in self._stamps if _is_step(path, self.root) and not path.exists()]:
            _forget(f"steps.{gone.stem}")
            sys.modules.pop(f"steps.{gone.stem}", None)
        self.linter = Linter(list(self.settings.systems), self.root, CATALOGUE, parse_problems)
        errors += [str(problem) for problem in self.linter.problems]
        maps = self.linter.maps
        self.known = maps.known
        self.offers = maps.offers
        self.maps = maps.maps
        self.steps = self.linter.steps
        self.story = self.linter.story
        self.sentences = [s for s in self.steps.catalogue.sentences if s.own and not s.retired]
        mapped = self.known.facts or frozenset()
        words = {
            language: [ws[0] for fact, ws in fact_words(language).items() if not self.known.facts or fact in mapped]
            for language in ("en", "nl")
        }
        for tmap in self.maps:
            for declared in tmap.facts.values():
                words["en"] += [w for w in declared.en[:1] if w not in words["en"]]
                words["nl"] += [w for w in declared.nl[:1] if w not in words["nl"]]
        touchpoints = sorted(self.known.touchpoints or ())
        self.composer = Composer(self.sentences, self.story, fact_words=words, touchpoints=touchpoints)
        self.words = ParameterWords(self.sentences, self.known, self.maps, self.composer.values)
        self.errors = errors
        self.memo = {}
        self._stamps = self._stamp()
        self.generation += 1

    def remember(self, key: Any, value: Any) -> None:
        """Keep ``value`` for ``key`` in ``memo`` (the oldest half goes when it is full)."""
        if len(self.memo) >= _MEMO:
            for old in list(self.memo)[: _MEMO // 2]:
                del self.memo[old]
        self.memo[key] = value

    def watched(self) -> list[Path]:
        """The files the project is read from: step modules, maps and their tasks, ``pyproject.toml``."""
        folder = self.root / "steps"
        found = sorted(folder.glob("*.py")) if folder.is_dir() else []
        for tmap in self.maps:
            found.append(tmap.path)
            if tmap.tasks_path is not None:
                found.append(tmap.tasks_path)
        systems = self.root / "fixtures" / "systems"
        found += sorted(systems.glob("*.y*ml")) if systems.is_dir() else []
        return [*found, self.root / "pyproject.toml"]

    def _stamp(self) -> dict[Path, float]:
        return {path: _mtime(path) for path in self.watched()}


def _forget(module: str) -> list[Sentence]:
    """Take the steps ``module`` declared out of the catalogue; returns them."""
    gone = [s for s in CATALOGUE.sentences if getattr(s.func, "__module__", None) == module]
    CATALOGUE.sentences[:] = [s for s in CATALOGUE.sentences if getattr(s.func, "__module__", None) != module]
    return gone


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0  # gone, or not there yet: a change all the same when it comes


def _is_step(path: Path, root: Path) -> bool:
    return path.parent.resolve() == (root / "steps").resolve()
