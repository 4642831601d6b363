"""Pointing the harness at a system: its touchpoint map (data) and tasks (code)."""

from __future__ import annotations

from journeys.system.map_files import find_map, load_map
from journeys.system.probe import probe
from journeys.system.tasks import Tasks, load_tasks, task
from journeys.system.touchpoint_map import FactReader, RequestTemplate, Touchpoint, TouchpointMap

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
