"""Pointing the harness at a system: its touchpoint map (data) and tasks (code)."""

from __future__ import annotations

from journeys.systems.fact_reader import FactReader, RequestTemplate
from journeys.systems.map_files import find_map, load_map
from journeys.systems.probe import probe
from journeys.systems.tasks import Tasks, load_tasks, task
from journeys.systems.touchpoint_map import Touchpoint, TouchpointMap

__all__ = [
    "FactReader",
    "RequestTemplate",
    "Tasks",
    "Touchpoint",
    "TouchpointMap",
    "find_map",
    "load_map",
    "load_tasks",
    "probe",
    "task",
]
