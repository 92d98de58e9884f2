"""The resume summary: who the person is, in two or three sentences, from their record.

The current (or latest) role and employer with the years of experience, the
strongest two or three skills with where they were used, and one concrete
result, never a count of entries. Pure: it takes plain data, so the auto
resume's builder and the offline AI writer share it.
"""

import datetime as dt
import re

from . import clause, join, render, tidy
from . import duration as duration_text

WORK = ("job", "internship")


def _date(value):
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _place(item: dict) -> str:
    """Where a skill was used: the employer or school, or the project or course itself."""
    if item.get("type") in ("project", "course", "certification") or not item.get("organization"):
        return tidy(item.get("title", ""))
    return tidy(item.get("organization", ""))


def _skill_places(name: str, items: list[dict], folded: list[set]) -> list[str]:
    """``folded``: each item's skills casefolded, computed once for the three strongest skills."""
    wanted = name.casefold()
    used = [i for i, skills in zip(items, folded, strict=True) if wanted in skills]
    used.sort(key=lambda i: i.get("type") not in WORK)  # employers first, then projects and studies
    places = [_place(i) for i in used]
    return list(dict.fromkeys(p for p in places if p))[:2]


def _lines(item: dict) -> list[str]:
    lines = [str(h) for h in item.get("highlights") or [] if str(h).strip()]
    description = [s for s in re.split(r"(?<=[.!?])\s+|\n+", item.get("description") or "") if s.strip()]
    return lines + description


def _best_result(items: list[dict], language: str):
    """(item, line): a line with a number and a verb first, from work, then projects."""
    for kinds in (WORK, ("project",), ("volunteer",)):
        candidates = [(i, line) for i in items if i.get("type") in kinds for line in _lines(i)[:6]]
        if not candidates:
            continue

        # A number and a verb make a result concrete; among equals the newest wins (max keeps the first).
        return max(
            candidates, key=lambda pair: bool(clause(pair[1], language)) + 2 * bool(re.search(r"\d", pair[1]))
        )
    return None, ""


def person_summary(
    *, items: list[dict], work_months: int, strongest: list[str], role: str = "", language: str = "en"
) -> str:
    """Two or three sentences about the person; ``items`` newest first (type, title, organization,
    start, end, skills, highlights, description), ``strongest`` skill names best first."""
    work = [i for i in items if i.get("type") in WORK]
    current = next((i for i in work if _date(i.get("start")) and not _date(i.get("end"))), None)
    latest = current or (work[0] if work else None)
    years = duration_text(work_months, language) if work_months else ""
    parts = []
    if latest is not None:
        title, org = latest.get("title") or role, latest.get("organization", "")
        if org and latest is current:
            parts.append(render(language, "summary_current", title=title, org=org, years=years))
        elif org:
            parts.append(render(language, "summary_latest", title=title, org=org, years=years))
        elif years:
            parts.append(render(language, "summary_experienced", title=title, years=years))
        else:
            parts.append(render(language, "summary_role", title=title))
    else:
        study = next((i for i in items if i.get("type") == "degree"), None)
        course = next((i for i in items if i.get("type") == "course"), None)
        if study is not None:
            ongoing = not _date(study.get("end")) or _date(study.get("end")) > dt.date.today()
            key = "summary_student" if ongoing else "summary_graduate"
            parts.append(render(language, key, title=study["title"], org=study.get("organization", "")))
        elif course is not None:
            parts.append(
                render(language, "summary_course", title=course["title"], org=course.get("organization", ""))
            )
        elif role:
            parts.append(render(language, "summary_role", title=role))

    named = []
    folded = [{str(s).casefold() for s in i.get("skills") or []} for i in items] if strongest else []
    for name in strongest[:3]:
        places = _skill_places(name, items, folded)
        named.append(f"{tidy(name)} ({', '.join(places)})" if places else tidy(name))
    if named:
        parts.append(render(language, "summary_strongest", skills=join(named, language)))

    item, line = _best_result(items, language)
    if item is not None:
        woven = clause(line, language)
        if item.get("type") == "project" or not item.get("organization"):
            key = "summary_project_clause" if woven else "summary_project_quote"
            parts.append(render(language, key, title=item["title"], clause=woven, quote=line))
        else:
            key = "summary_result_clause" if woven else "summary_result_quote"
            parts.append(render(language, key, org=item["organization"], clause=woven, quote=line))
    return " ".join(p for p in parts if p)
