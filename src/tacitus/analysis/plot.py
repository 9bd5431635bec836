"""Drawing a dyad's series (matplotlib, Agg backend: no display needed)."""
from __future__ import annotations

from typing import Any

QUAD_STYLE = (  # (column, label, colour): cooperation in blues, conflict in reds
    ("verbal_coop", "verbal cooperation", "#9ecae1"),
    ("material_coop", "material cooperation", "#3182bd"),
    ("verbal_conflict", "verbal conflict", "#fc9272"),
    ("material_conflict", "material conflict", "#de2d26"),
)


def plot_dyad(series: list[dict[str, Any]], path: str, a: str, b: str, by: str) -> None:
    """Stacked bars of events per period by quad class, with the mean Goldstein score as a line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [row["period"] for row in series]
    x = list(range(len(series)))
    fig, ax = plt.subplots(figsize=(max(6.5, 0.5 * len(series) + 3), 5.0))
    bottom = [0] * len(series)
    for column, label, colour in QUAD_STYLE:
        values = [row.get(column) or 0 for row in series]
        ax.bar(x, values, bottom=bottom, label=label, color=colour, width=0.8)
        bottom = [b0 + v for b0, v in zip(bottom, values)]
    from matplotlib.ticker import MaxNLocator

    ax.set_ylabel("events")
    ax.set_ylim(0, max(bottom + [1]) * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xticks(x, labels, rotation=45 if len(series) > 6 else 0, ha="right" if len(series) > 6 else "center")
    ax.set_title(f"{a} – {b}: events per {by}")
    line = ax.twinx()
    line.plot(x, [row.get("goldstein") for row in series], color="black", marker="o", label="mean Goldstein")
    line.set_ylim(-10, 10)
    line.axhline(0, color="grey", linewidth=0.5)
    line.set_ylabel("mean Goldstein score")
    handles = ax.get_legend_handles_labels()[0] + line.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14 if len(series) <= 6 else -0.3),
              ncol=3, fontsize="small", frameon=False)
    if not series:
        ax.text(0.5, 0.5, "no events", transform=ax.transAxes, ha="center", va="center")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
