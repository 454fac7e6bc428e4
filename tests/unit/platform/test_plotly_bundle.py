"""The partial plotly.js (scripts/fetch_vendor.sh) holds every trace type the code draws: a
trace type missing from it would leave its chart blank without an error on the server."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FOLDERS = ("components", "dashboard", "intake", "data")
# `go.Bar(...)`, `fig.add_bar(...)`, and traces written as dicts: {"type": "bar", ...}
USES = (
    re.compile(r"\bgo\.([A-Z][A-Za-z]+)\("),
    re.compile(r"\.add_([a-z]+)\("),
    re.compile(r"""["']type["']\s*:\s*["']([a-z]+)["']"""),
)


def bundled() -> set[str]:
    script = (ROOT / "scripts" / "fetch_vendor.sh").read_text()
    traces = re.search(r'^TRACES="([a-z ]+)"$', script, re.MULTILINE)
    assert traces, "TRACES=... not found in scripts/fetch_vendor.sh"
    # plotly.js's core always registers scatter.
    return set(traces.group(1).split()) | {"scatter"}


def used() -> dict[str, str]:
    found: dict[str, str] = {}
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text()
            for pattern in USES:
                for name in pattern.findall(text):
                    found.setdefault(name.lower(), str(path.relative_to(ROOT)))
    return found


def test_every_trace_type_in_the_code_is_in_the_partial_bundle():
    plotly_traces = _trace_types()
    drawn = {n: where for n, where in used().items() if n in plotly_traces}
    assert drawn, "no trace type found: the patterns above are out of date"
    missing = {n: where for n, where in drawn.items() if n not in bundled()}
    assert missing == {}, f"add these to TRACES in scripts/fetch_vendor.sh: {missing}"


def _trace_types() -> set[str]:
    """Every trace type plotly knows (to tell a trace from any other `type` key or `add_`)."""
    import plotly.graph_objects as go
    from plotly.basedatatypes import BaseTraceType

    classes = (getattr(go, name) for name in dir(go))
    return {
        c.__name__.lower() for c in classes if isinstance(c, type) and issubclass(c, BaseTraceType)
    }


def test_the_locked_build_uses_the_versions_the_script_names():
    """scripts/plotly-bundle's package.json and lock pin what fetch_vendor.sh says it builds."""
    script = (ROOT / "scripts" / "fetch_vendor.sh").read_text()
    version = dict(re.findall(r"^(PLOTLYJS|ESBUILD)=(\S+)$", script, re.MULTILINE))
    folder = ROOT / "scripts" / "plotly-bundle"
    wanted = json.loads((folder / "package.json").read_text())["dependencies"]
    assert wanted == {"plotly.js": version["PLOTLYJS"], "esbuild": version["ESBUILD"]}
    locked = json.loads((folder / "package-lock.json").read_text())["packages"]
    assert locked["node_modules/plotly.js"]["version"] == version["PLOTLYJS"]
    assert locked["node_modules/esbuild"]["version"] == version["ESBUILD"]
    assert all(p.get("integrity") for name, p in locked.items() if name)
