"""The dashboard's filters from the values of its filter controls (components.filters), as the
callbacks of the dashboard and the pieces beside it read them."""

from __future__ import annotations

from data.aggregates.queries import Filters
from data.filters import parse_filters


def filters_from(values: list, names: list[dict]) -> Filters:
    """Filters from the controls' values (values not understood are dropped, never an error)."""
    args = {i["name"]: v for i, v in zip(names, values, strict=True) if v and v != "any"}
    filters, problems = parse_filters(args)
    if problems:
        filters, _problems = parse_filters({k: v for k, v in args.items() if k not in problems})
    return filters
