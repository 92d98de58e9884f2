"""Achievement statistics for the API and the dashboard, in a constant number of queries."""

from collections import Counter
from datetime import date

from django.db.models import Count
from django.utils import timezone

from resumes.models import Achievement, AchievementType, Skill, SkillCategory

EXPERIENCE_TYPES = (AchievementType.JOB, AchievementType.INTERNSHIP)
DAYS_PER_MONTH = 365.25 / 12
MAX_YEARS = 30


def experience_months(intervals, today: date) -> int:
    """Months covered by the union of (start, end or ongoing) intervals; overlaps count once."""
    spans = sorted((start, min(end or today, today)) for start, end in intervals if start and start <= today)
    days, current_start, current_end = 0, None, None
    for start, end in spans:
        if current_end is None or start > current_end:
            if current_end is not None:
                days += (current_end - current_start).days + 1
            current_start, current_end = start, max(start, end)
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        days += (current_end - current_start).days + 1
    return round(days / DAYS_PER_MONTH)


def achievement_stats(*, user, today: date | None = None) -> dict:
    """Counts per type, skills per category, months of experience, achievements per year.

    Two queries whatever the number of rows: one over the achievements' few columns,
    one aggregate over skills.
    """
    today = today or timezone.localdate()
    rows = list(
        Achievement.objects.filter(user=user).values_list(
            "type", "start_date", "end_date", "is_verified", "source_integration_id"
        )
    )
    skill_counts = dict(
        Skill.objects.filter(user=user).values_list("category").annotate(n=Count("id")).order_by("category")
    )

    by_type = Counter(row[0] for row in rows)
    years = Counter((row[1] or row[2]).year for row in rows if row[1] or row[2])
    per_year = []
    if years:
        last = max(years)
        first = max(min(years), last - MAX_YEARS + 1)
        per_year = [{"year": y, "count": years.get(y, 0)} for y in range(first, last + 1)]
    return {
        "total": len(rows),
        "verified": sum(1 for row in rows if row[3]),
        "from_integrations": sum(1 for row in rows if row[4]),
        "by_type": {value: by_type.get(value, 0) for value in AchievementType.values},
        "skills_by_category": {value: skill_counts.get(value, 0) for value in SkillCategory.values},
        "experience_months": experience_months(
            [(row[1], row[2]) for row in rows if row[0] in EXPERIENCE_TYPES], today
        ),
        "per_year": per_year,
    }


def per_year_chart(per_year, *, width=320, height=120, label_height=16) -> dict:
    """Bar geometry for the dashboard's SVG chart (drawn server-side, no JS)."""
    if not per_year:
        return {"bars": [], "width": width, "height": height + label_height}
    peak = max(item["count"] for item in per_year) or 1
    slot = width / len(per_year)
    label_every = max(1, round(len(per_year) / 8))
    bars = []
    for index, item in enumerate(per_year):
        bar_height = round(item["count"] / peak * (height - 14), 1)
        bars.append(
            {
                "year": item["year"],
                "count": item["count"],
                "x": round(index * slot + slot * 0.15, 1),
                "width": round(slot * 0.7, 1),
                "y": round(height - bar_height, 1),
                "height": bar_height,
                "label_x": round(index * slot + slot / 2, 1),
                "show_label": index % label_every == 0 or index == len(per_year) - 1,
            }
        )
    return {"bars": bars, "width": width, "height": height + label_height, "baseline": height}
