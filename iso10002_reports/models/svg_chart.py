# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Charts drawn on the server as SVG, for the PDF reports.

wkhtmltopdf runs no JavaScript worth relying on for a printed record, and a
chart library would need it: these few charts (bars, bars with a
cumulative line for a Pareto, bars against an objective) are plain SVG
written here, placed inline by QWeb. The text of the charts is SVG text in
the report's font (real text in the PDF). Labels are escaped.
"""

from markupsafe import Markup, escape

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
BAR = "#5b8fc7"
LINE = "#c0504d"
OK = "#4f9a55"
BELOW = "#d08a2e"
GRID = "#d9d9d9"
TEXT = "#333333"
PENDING = "#c9d9ea"
STOPPED = "#9e9e9e"


def _num(value, precision=0):
    return f"{value:.{precision}f}"


def _svg(width, height, body, title):
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        'viewBox="0 0 {w} {h}" role="img" font-family="{font}" font-size="10" '
        'fill="{text}"><title>{title}</title>{body}</svg>'
    ).format(w=width, h=height, font=FONT, text=TEXT, title=title, body=Markup(body))


def _short(label, size=14):
    label = str(label or "")
    return label if len(label) <= size else label[: size - 1] + "…"


def _bar(label, value, x, step, bar_h, base, label_y):
    """A bar of height ``bar_h`` standing on ``base`` in the slot of width
    ``step`` from ``x``, its value above it and its label below the axis."""
    bar_w = step * 0.6
    x += (step - bar_w) / 2
    y = base - bar_h
    return Markup(
        '<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
        'fill="{c}"/><text x="{tx:.1f}" y="{ty:.1f}" '
        'text-anchor="middle">{v}</text><text x="{tx:.1f}" y="{ly}" '
        'text-anchor="middle">{label}</text>'
    ).format(
        x=x,
        y=y,
        w=bar_w,
        h=bar_h,
        c=BAR,
        tx=x + bar_w / 2,
        ty=y - 3,
        v=_num(value),
        ly=label_y,
        label=escape(_short(label)),
    )


def bar_chart(labels, values, title, width=640, height=190):
    """Vertical bars with their values (e.g. complaints received per month)."""
    if not values:
        return Markup()
    left, right, top, bottom = 30, 10, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max(max(values), 1)
    step = plot_w / len(values)
    parts = [
        Markup('<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="{c}"/>').format(
            x0=left, x1=width - right, y=top + plot_h, c=GRID
        )
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        parts.append(
            _bar(
                label,
                value,
                left + i * step,
                step,
                plot_h * value / top_value,
                top + plot_h,
                height - bottom + 14,
            )
        )
    return _svg(width, height, Markup("").join(parts), title)


def pareto_chart(labels, counts, cumulative, title, width=640, height=210):
    """Bars in decreasing order and the cumulative share as a line (0-100 %
    on the right), the 80 % mark dotted."""
    if not counts:
        return Markup()
    left, right, top, bottom = 30, 34, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max(max(counts), 1)
    step = plot_w / len(counts)
    base = top + plot_h
    parts = [
        Markup(
            '<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="{c}"/>'
            '<line x1="{x0}" y1="{y80:.1f}" x2="{x1}" y2="{y80:.1f}" stroke="{l}" '
            'stroke-dasharray="3,3"/>'
            '<text x="{tx}" y="{y80t:.1f}" fill="{l}">80 %</text>'
        ).format(
            x0=left,
            x1=width - right,
            y=base,
            c=GRID,
            l=LINE,
            y80=base - plot_h * 0.8,
            y80t=base - plot_h * 0.8 + 3,
            tx=width - right + 3,
        )
    ]
    points = []
    for i, (label, count, cum) in enumerate(
        zip(labels, counts, cumulative, strict=True)
    ):
        x = left + i * step
        parts.append(
            _bar(
                label,
                count,
                x,
                step,
                plot_h * count / top_value,
                base,
                height - bottom + 14,
            )
        )
        points.append((x + step / 2, base - plot_h * min(cum, 100) / 100))
    parts.append(
        Markup(
            '<polyline fill="none" stroke="{c}" stroke-width="1.5" points="{p}"/>'
        ).format(c=LINE, p=" ".join(f"{x:.1f},{y:.1f}" for x, y in points))
    )
    parts.extend(
        Markup('<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{c}"/>').format(
            x=x, y=y, c=LINE
        )
        for x, y in points
    )
    return _svg(width, height, Markup("").join(parts), title)


def objective_chart(rows, title, width=640):
    """One horizontal bar per rate (0-100 %) with the objective as a mark:
    green when met, amber when not. ``rows``: (label, value, objective,
    higher_is_better)."""
    if not rows:
        return Markup()
    label_w, right, row_h = 200, 50, 22
    plot_w = width - label_w - right
    height = row_h * len(rows) + 8
    parts = []
    for i, (label, value, objective, up) in enumerate(rows):
        y = 4 + i * row_h
        met = value >= objective if up else value <= objective
        bar = plot_w * max(0.0, min(value, 100.0)) / 100
        mark = label_w + plot_w * max(0.0, min(objective, 100.0)) / 100
        parts.append(
            Markup(
                '<text x="0" y="{ty}">{label}</text>'
                '<rect x="{x}" y="{y}" width="{pw}" height="14" fill="#f2f2f2"/>'
                '<rect x="{x}" y="{y}" width="{w:.1f}" height="14" fill="{c}"/>'
                '<line x1="{m:.1f}" y1="{y0}" x2="{m:.1f}" y2="{y1}" stroke="{t}" '
                'stroke-width="2"/><text x="{vx}" y="{ty}">{v} %</text>'
            ).format(
                ty=y + 11,
                label=escape(_short(label, 34)),
                x=label_w,
                y=y,
                pw=plot_w,
                w=bar,
                c=OK if met else BELOW,
                m=mark,
                y0=y - 2,
                y1=y + 16,
                t=TEXT,
                vx=label_w + plot_w + 4,
                v=_num(value, 1),
            )
        )
    return _svg(width, height, Markup("").join(parts), title)


def timeline_chart(rows, tick_label, title, width=640):
    """Spans of time on one horizontal time axis, one row each (the steps
    of a complaint against their deadlines).

    ``rows``: dicts with ``label``, ``spans`` [(start, end, colour)],
    ``points`` [(moment, colour)] drawn as dots, ``marks`` [(moment, text)]
    drawn as dashed vertical lines (deadlines) and ``note`` written at the
    right. Moments are naive datetimes; the axis runs from the earliest to
    the latest of them, both written under it by ``tick_label(moment)``.
    """
    moments = []
    for row in rows:
        moments += [m for span in row.get("spans", ()) for m in span[:2]]
        moments += [m for m, _c in row.get("points", ())]
        moments += [m for m, _t in row.get("marks", ())]
    if not rows or not moments:
        return Markup()
    lo, hi = min(moments), max(moments)
    ticks = [(lo, "start")] + ([(hi, "end")] if hi > lo else [])
    seconds = (hi - lo).total_seconds() or 1.0
    label_w, note_w, row_h, top = 130, 80, 26, 4
    plot_w = width - label_w - note_w - 8
    base = top + row_h * len(rows)

    def x(moment):
        return label_w + plot_w * (moment - lo).total_seconds() / seconds

    parts = [
        Markup('<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="{c}"/>').format(
            x0=label_w, x1=label_w + plot_w, y=base, c=GRID
        )
    ]
    for i, row in enumerate(rows):
        y = top + i * row_h
        parts.append(
            Markup('<text x="0" y="{y}">{label}</text>').format(
                y=y + 18, label=escape(_short(row["label"], 24))
            )
        )
        for start, end, colour in row.get("spans", ()):
            parts.append(
                Markup(
                    '<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="10" fill="{c}"/>'
                ).format(x=x(start), y=y + 10, w=max(x(end) - x(start), 1.0), c=colour)
            )
        for moment, text in row.get("marks", ()):
            right = x(moment) > label_w + plot_w / 2
            parts.append(
                Markup(
                    '<line x1="{x:.1f}" y1="{y0}" x2="{x:.1f}" y2="{y1}" '
                    'stroke="{c}" stroke-width="1.5" stroke-dasharray="3,2"/>'
                    '<text x="{tx:.1f}" y="{ty}" font-size="8" '
                    'text-anchor="{a}">{t}</text>'
                ).format(
                    x=x(moment),
                    y0=y + 2,
                    y1=y + row_h - 2,
                    c=LINE,
                    # written away from the right edge in the right half
                    a="end" if right else "start",
                    tx=x(moment) - 2 if right else x(moment) + 2,
                    ty=y + 8,
                    t=escape(text),
                )
            )
        parts.extend(
            Markup('<circle cx="{x:.1f}" cy="{y}" r="3" fill="{c}"/>').format(
                x=x(moment), y=y + 15, c=colour
            )
            for moment, colour in row.get("points", ())
        )
        if row.get("note"):
            parts.append(
                Markup('<text x="{x}" y="{y}">{t}</text>').format(
                    x=label_w + plot_w + 8, y=y + 18, t=escape(row["note"])
                )
            )
    for moment, anchor in ticks:
        parts.append(
            Markup(
                '<line x1="{x:.1f}" y1="{y0}" x2="{x:.1f}" y2="{y1}" stroke="{c}"/>'
                '<text x="{x:.1f}" y="{ty}" text-anchor="{a}">{t}</text>'
            ).format(
                x=x(moment),
                y0=base,
                y1=base + 4,
                c=GRID,
                ty=base + 14,
                a=anchor,
                t=escape(tick_label(moment)),
            )
        )
    return _svg(width, base + 18, Markup("").join(parts), title)
