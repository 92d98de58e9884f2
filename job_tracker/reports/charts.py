"""The funnel and the 12-week trend, as inline SVG for pages and as one PNG for e-mail."""

import io
from functools import lru_cache
from html import escape

from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop, ngettext

from .metrics import WeekNumbers

# Labels are translated when drawn: the page in the reader's language, the e-mail (a task) in English.
SERIES = [
    ("applications_sent", gettext_noop("Sent"), "#3b5bdb"),
    ("responses", gettext_noop("Responses"), "#2b8a3e"),
    ("interviews", gettext_noop("Interviews"), "#e67700"),
    ("offers", gettext_noop("Offers"), "#c92a2a"),
]


def funnel_stages(report) -> list[tuple[str, int, str]]:
    """(label, value, colour) for sent -> responses -> interviews -> offers of a report or WeekNumbers."""
    return [(gettext(label), getattr(report, name), colour) for name, label, colour in SERIES]


def funnel_svg(report) -> str:
    stages = funnel_stages(report)
    width, row, label_w = 520, 38, 110
    top = max(value for _, value, _ in stages) or 1
    bar_space = width - label_w - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {row * len(stages) + 8}" '
        f'width="100%" role="img" aria-labelledby="funnel-title" class="chart funnel" '
        'font-family="system-ui, sans-serif">',
        '<title id="funnel-title">'
        + escape(gettext("Funnel:"))
        + " "
        + escape(", ".join(f"{label} {value}" for label, value, _ in stages))
        + "</title>",
    ]
    for i, (label, value, colour) in enumerate(stages):
        y = 4 + i * row
        bar = max(2, round(bar_space * value / top)) if value else 2
        parts += [
            f'<text x="0" y="{y + 23}" font-size="14" fill="#1d2330">{escape(label)}</text>',
            f'<rect x="{label_w}" y="{y + 6}" width="{bar}" height="{row - 12}" rx="4" fill="{colour}"/>',
            f'<text x="{label_w + bar + 8}" y="{y + 23}" font-size="14" font-weight="600" '
            f'fill="#1d2330">{value}</text>',
        ]
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text node is escaped above)


def trend_svg(trend: list[WeekNumbers]) -> str:
    width, height = 640, 260
    left, right, top_pad, bottom = 36, 28, 28, 40
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    peak = max([getattr(w, name) for w in trend for name, _, _ in SERIES] + [1])
    step = plot_w / max(len(trend) - 1, 1)

    def x(i):
        return round(left + i * step, 1)

    def y(v):
        return round(top_pad + plot_h - plot_h * v / peak, 1)

    summary = "; ".join(
        gettext("week of %(week)s: %(sent)s sent")
        % {"week": date_format(w.week_start, "M d"), "sent": w.applications_sent}
        for w in trend
    )
    weeks = ngettext("Last %(n)s week", "Last %(n)s weeks", len(trend)) % {"n": len(trend)}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="trend-title" class="chart trend" font-family="system-ui, sans-serif">',
        f'<title id="trend-title">{escape(weeks)}: {escape(summary)}</title>',
    ]
    for tick in sorted({0, peak // 2, peak}):
        parts += [
            f'<line x1="{left}" x2="{width - right}" y1="{y(tick)}" y2="{y(tick)}" stroke="#e3e6ee"/>',
            f'<text x="{left - 6}" y="{y(tick) + 4}" font-size="11" text-anchor="end" '
            f'fill="#667085">{tick}</text>',
        ]
    for i, week in enumerate(trend):
        if (len(trend) - 1 - i) % 2 == 0:  # every other week, always the latest
            parts.append(
                f'<text x="{x(i)}" y="{height - bottom + 18}" font-size="11" text-anchor="middle" '
                f'fill="#667085">{date_format(week.week_start, "M d")}</text>'
            )
    for n, (name, label, colour) in enumerate(SERIES):
        points = " ".join(f"{x(i)},{y(getattr(w, name))}" for i, w in enumerate(trend))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        parts += [
            f'<circle cx="{x(i)}" cy="{y(getattr(w, name))}" r="3" fill="{colour}"/>'
            for i, w in enumerate(trend)
        ]
        lx = left + n * 110
        parts += [
            f'<rect x="{lx}" y="6" width="12" height="12" rx="2" fill="{colour}"/>',
            f'<text x="{lx + 17}" y="16" font-size="12" fill="#1d2330">{escape(gettext(label))}</text>',
        ]
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (labels are escaped, numbers are ours)


def report_png(report, trend: list[WeekNumbers]) -> bytes:
    """Funnel and trend side by side in one PNG (mail clients rarely show SVG)."""
    funnel = tuple((label, value, colour) for label, value, colour in funnel_stages(report))
    weeks = tuple((w.week_start, *(getattr(w, name) for name, _, _ in SERIES)) for w in trend)
    return _render_png(funnel, weeks)


# Many users share the same numbers (a quiet week is all zeros): draw each picture once.
@lru_cache(maxsize=256)
def _render_png(funnel, weeks) -> bytes:
    # The Agg canvas directly: no pyplot, no global state, safe in worker threads.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 3.2), dpi=80)
    FigureCanvasAgg(fig)
    # Fixed axes rectangles instead of tight_layout(), which renders the figure twice.
    funnel_ax = fig.add_axes((0.11, 0.12, 0.26, 0.76))
    trend_ax = fig.add_axes((0.45, 0.2, 0.53, 0.68))

    labels = [label for label, _, _ in funnel][::-1]
    values = [value for _, value, _ in funnel][::-1]
    positions = range(len(values))
    funnel_ax.barh(positions, values, color=[c for _, _, c in funnel][::-1])
    funnel_ax.set_yticks(positions, labels)
    top = max([*values, 1])
    for y, value in zip(positions, values, strict=True):
        funnel_ax.text(value + top * 0.03, y, str(value), va="center")
    funnel_ax.set_title("This week")
    funnel_ax.set_xlim(0, top * 1.25)
    funnel_ax.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        funnel_ax.spines[side].set_visible(False)

    x = range(len(weeks))
    for index, (_, label, colour) in enumerate(SERIES, start=1):
        trend_ax.plot(x, [week[index] for week in weeks], marker="o", color=colour, label=label)
    trend_ax.set_xticks(list(x)[::2], [week[0].strftime("%b %d") for week in weeks][::2], fontsize=8)
    trend_ax.set_title(f"Last {len(weeks)} weeks")
    trend_ax.set_ylim(bottom=0)
    trend_ax.yaxis.get_major_locator().set_params(integer=True)
    trend_ax.legend(fontsize=8, frameon=False, loc="upper left")
    for side in ("top", "right"):
        trend_ax.spines[side].set_visible(False)

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def outcomes_svg(groups, *, title: str = "") -> str:
    """Response and interview rate per group as bars, each with its Wilson 95% interval as a whisker."""
    width, label_w, row, bar_h = 560, 150, 46, 14
    plot_w = width - label_w - 20
    height = 24 + row * max(len(groups), 1)

    def x(rate):
        return round(label_w + plot_w * rate, 1)

    title = title or gettext("Rates by resume")
    summary = "; ".join(
        gettext("%(group)s: %(responses)s/%(sent)s responses, %(interviews)s/%(sent)s interviews")
        % {"group": g.label, "responses": g.responses, "interviews": g.interviews, "sent": g.sent}
        for g in groups
    )
    nothing_sent = gettext("nothing sent yet")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        'aria-labelledby="outcomes-title" class="chart outcomes" font-family="system-ui, sans-serif">',
        f'<title id="outcomes-title">{escape(title)}: {escape(summary or nothing_sent)}</title>',
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1):
        parts += [
            f'<line x1="{x(tick)}" x2="{x(tick)}" y1="14" y2="{height}" stroke="#e3e6ee"/>',
            f'<text x="{x(tick)}" y="10" font-size="10" text-anchor="middle" '
            f'fill="#667085">{round(tick * 100)}%</text>',
        ]
    for i, group in enumerate(groups):
        top = 20 + i * row
        parts.append(
            f'<text x="0" y="{top + 20}" font-size="13" fill="#1d2330">{escape(group.label[:22])}'
            f'<tspan x="0" dy="14" font-size="11" fill="#667085">{group.sent} sent</tspan></text>'
        )
        for j, (rate, colour) in enumerate(
            ((group.response_rate, "#2b8a3e"), (group.interview_rate, "#e67700"))
        ):
            if rate.rate is None:
                continue
            y = top + j * (bar_h + 4)
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{max(1, x(rate.rate) - label_w)}" height="{bar_h}" '
                f'rx="3" fill="{colour}"/>'
            )
            mid = y + bar_h / 2
            parts.append(
                f'<line x1="{x(rate.low)}" x2="{x(rate.high)}" y1="{mid}" y2="{mid}" stroke="#1d2330" '
                'stroke-width="1.5"/>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text node is escaped above)
