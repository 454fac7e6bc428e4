"""Compact callback wiring: one property of several components as a list of Dash dependencies,
so that a callback's registration names each property once instead of once per component.

``app.callback`` accepts such lists beside single dependencies and flattens them in order:
``app.callback(each(Output, "children", ids.A, ids.B), each(Input, "value", ids.C, ids.D),
State(LANG, "data"))`` registers a callback of two inputs and one state with two outputs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def each(kind: Callable[[Any, str], Any], prop: str, *component_ids) -> list:
    """``[kind(component_id, prop), ...]`` for each ID: ``kind`` is Output, Input or State."""
    return [kind(component_id, prop) for component_id in component_ids]
