"""Monday-based weeks in a user's time zone, as UTC instants for queries."""

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

WEEK = timedelta(days=7)


def zone(name):
    """The user's zone, or the site's when the stored name is unknown to this system."""
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_bounds(week_start: date, tz) -> tuple[datetime, datetime]:
    """[start, end) of the week starting ``week_start`` at local midnight (DST-correct)."""
    start = datetime.combine(week_start, time.min, tzinfo=tz)
    end = datetime.combine(week_start + WEEK, time.min, tzinfo=tz)
    return start, end


def week_boundaries(last_week_start: date, tz, weeks: int) -> list[datetime]:
    """``weeks + 1`` instants: the starts of ``weeks`` consecutive weeks ending with ``last_week_start``."""
    first = last_week_start - WEEK * (weeks - 1)
    return [datetime.combine(first + WEEK * i, time.min, tzinfo=tz) for i in range(weeks + 1)]


def previous_week_start(now=None, tz=None) -> date:
    """Monday of the last completed week, by the calendar of ``tz`` (default settings.TIME_ZONE)."""
    now = now or timezone.now()
    local_today = now.astimezone(tz or zone(settings.TIME_ZONE)).date()
    return monday_of(local_today) - WEEK


def parse_week(value: str) -> date:
    """A YYYY-MM-DD date that must be a Monday; raises ValueError otherwise."""
    day = date.fromisoformat(value)
    if day.weekday() != 0:
        raise ValueError(f"{value} is a {day:%A}, not a Monday.")
    return day
