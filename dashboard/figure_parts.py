"""What every dashboard figure shares: label wrapping, the empty state and the region heatmap's
figure (pure, no Dash)."""

from __future__ import annotations

import plotly.graph_objects as go
from flask_babel import gettext as _

from components.charts import SEQUENTIAL, bidi, styled
from data import i18n

TOP = 15


def wrap(label: str, width: int = 48, rtl: bool = False) -> str:
    """Break long labels so that bars keep room on a phone; each line embedded for RTL."""
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(bidi(text, rtl) for text in [*lines, line])


def empty(fig: go.Figure) -> go.Figure:
    fig.add_annotation(
        text=_("No published reports match yet."),
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def nothing() -> str:
    return _("No published reports match yet.")


def heatmap_figure(z, x, regions, text, rtl: bool, compact: bool) -> go.Figure:
    """Regions down, categories across, each cell labelled; empty cells stay blank."""
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=x,
            y=[r if compact else bidi(i18n.region(r), rtl) for r in regions],
            text=text,
            texttemplate="%{text}",
            textfont={"size": 8 if compact else 12},
            colorscale=SEQUENTIAL,
            zmin=0,
            zmax=1,
            showscale=False,
            hoverongaps=False,
            hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(automargin=True, autorange="reversed")
    fig.update_xaxes(automargin=True, tickangle=0, tickfont={"size": 10})
    return styled(fig, rtl, height=max(300, 44 * len(regions) + 150))
