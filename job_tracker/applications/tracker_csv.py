"""Applications as CSV: the export, and an import kind that also reads Huntr, Teal and JobSync exports.

Export columns (UTF-8, one row per live application, header first):
``company, job_title, status, date_applied, location, url, salary, notes, created_at, last_status_change``.

Import matches columns by header (case, spacing and punctuation ignored) and
maps other trackers' status names onto ours; a bad row is refused naming its
row number and column, and nothing is written. Each imported application gets
its creation event at the imported status, dated at ``date_applied``,
through ``application_create``.
"""

import csv
import datetime as dt
import io
import re

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from job_tracker.models import ApplicationStatus, JobApplication
from resumes.importing.errors import UnreadableFile
from resumes.importing.fields import fold, parse_date_text
from resumes.importing.files import decode_text
from resumes.importing.registry import ImportKind

from . import services

EXPORT_COLUMNS = (
    "company",
    "job_title",
    "status",
    "date_applied",
    "location",
    "url",
    "salary",
    "notes",
    "created_at",
    "last_status_change",
)
MAX_ROWS = 5000

# Our field -> header names: ours, Huntr, Teal, JobSync and the obvious variants.
HEADERS = {
    "company_name": ("company", "company name", "company_name", "companyname", "employer", "organization"),
    "job_title": ("job_title", "job title", "title", "position", "job position", "role", "jobtitle"),
    "status": ("status", "stage", "list", "pipeline stage", "application status", "job status"),
    "date_applied": (
        "date_applied",
        "date applied",
        "applied date",
        "applied on",
        "applied",
        "applieddate",
        "application date",
        "date of application",
    ),
    "location": ("location", "job location", "city"),
    "url": ("url", "job url", "job link", "link", "posting url", "joburl", "job_url", "post url"),
    "salary": ("salary", "salary range", "salaryrange", "compensation", "pay"),
    "notes": ("notes", "note", "comments", "description"),
}
STATUSES = {
    ApplicationStatus.WISHLIST: (
        "wishlist",
        "wish list",
        "saved",
        "bookmarked",
        "bookmark",
        "draft",
        "interested",
        "to apply",
        "planned",
        "applying",
    ),
    ApplicationStatus.APPLIED: ("applied", "submitted", "application sent", "sent"),
    ApplicationStatus.SCREENING: ("screening", "phone screen", "recruiter call", "screen", "assessment"),
    ApplicationStatus.INTERVIEWING: (
        "interviewing",
        "interview",
        "interviews",
        "onsite",
        "technical interview",
        "final interview",
    ),
    ApplicationStatus.OFFER: ("offer", "offered", "negotiating", "negotiation"),
    ApplicationStatus.ACCEPTED: ("accepted", "hired", "offer accepted"),
    ApplicationStatus.REJECTED: (
        "rejected",
        "declined by company",
        "no response",
        "ghosted",
        "closed",
        "archived",
        "not selected",
        "rejection",
    ),
    ApplicationStatus.WITHDRAWN: ("withdrawn", "withdrew", "declined", "offer declined"),
}
# Our own export's statuses too: the values, which are the English labels in lower case.
_STATUS_INDEX = {fold(name): status for status, names in STATUSES.items() for name in names} | {
    status.value: status for status in ApplicationStatus
}
_HEADER_INDEX = {re.sub(r"[\s_-]+", " ", fold(name)): key for key, names in HEADERS.items() for name in names}


def _header_key(header: str) -> str | None:
    return _HEADER_INDEX.get(re.sub(r"[\s_-]+", " ", fold(header or "")))


# --- Export -------------------------------------------------------------------------------------


def export_rows(*, user):
    """The user's live applications with their last status change, in one query."""
    return (
        JobApplication.objects.filter(user=user)
        .annotate(last_status_change=Max("events__created_at"))
        .order_by("created_at", "id")
    )


def export_csv(*, user) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for a in export_rows(user=user):
        writer.writerow(
            [
                a.company_name,
                a.job_title,
                a.status,
                a.date_applied.isoformat() if a.date_applied else "",
                a.location,
                a.url,
                a.salary,
                a.notes,
                a.created_at.isoformat(),
                a.last_status_change.isoformat() if a.last_status_change else "",
            ]
        )
    return out.getvalue()


# --- Import -------------------------------------------------------------------------------------


def _reader(text: str):
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def detect(text: str) -> bool:
    """A CSV whose header names at least a company and a job title (or a status)."""
    first = text.splitlines()[0] if text.strip() else ""
    try:
        header = next(_reader(first))
    except (StopIteration, csv.Error):
        return False
    keys = {_header_key(h) for h in header}
    return "company_name" in keys and bool(keys & {"job_title", "status"})


def _date(value: str):
    value = value.strip()
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y", "%m/%d/%y", "%Y/%m/%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value[:10] if pattern == "%Y-%m-%d" else value, pattern).date()
        except ValueError:
            continue
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
        return None  # ISO-shaped yet impossible (2026-13-45): an error, not a guess
    parsed, _ = parse_date_text(value)
    return parsed


def parse(data: bytes) -> tuple[dict, str]:
    text = decode_text(data)
    rows = list(_reader(text))
    if not rows:
        raise UnreadableFile("The CSV file is empty.")
    header, body = rows[0], rows[1:]
    columns = {}
    for index, name in enumerate(header):
        key = _header_key(name)
        if key and key not in columns:
            columns[key] = (index, name.strip())
    missing = [k for k in ("company_name", "job_title") if k not in columns]
    if missing:
        raise ValidationError({"file": [f"No column for {', '.join(missing)}; found: {', '.join(header)}."]})
    if len(body) > MAX_ROWS:
        raise ValidationError({"file": [f"At most {MAX_ROWS} rows can be imported at once."]})
    errors, applications, warnings = [], [], []
    limits = {f.name: f.max_length for f in JobApplication._meta.fields if getattr(f, "max_length", None)}
    for number, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue
        value = {key: (row[i].strip() if i < len(row) else "") for key, (i, _) in columns.items()}

        def fail(key, message, number=number):
            errors.append(f'Row {number}, column "{columns[key][1]}": {message}')

        for key in ("company_name", "job_title"):
            if not value[key]:
                fail(key, "is empty.")
        for key, limit in limits.items():
            if key in value and len(value[key]) > limit:
                fail(key, f"longer than {limit} characters.")
        status = ApplicationStatus.WISHLIST
        if value.get("status"):
            status = _STATUS_INDEX.get(fold(value["status"]))
            if status is None:
                fail(
                    "status",
                    f"{value['status']!r} is not a status we know ({', '.join(ApplicationStatus.values)}).",
                )
        date_applied = None
        if value.get("date_applied"):
            date_applied = _date(value["date_applied"])
            if date_applied is None:
                fail("date_applied", f"{value['date_applied']!r} is not a date (use YYYY-MM-DD).")
        if value.get("url") and not re.match(r"^https?://", value["url"]):
            fail("url", f"{value['url'][:60]!r} is not an http(s) link.")
        applications.append(
            {
                "company_name": value.get("company_name", ""),
                "job_title": value.get("job_title", ""),
                "status": status,
                "date_applied": date_applied.isoformat() if date_applied else "",
                "location": value.get("location", ""),
                "url": value.get("url", ""),
                "salary": value.get("salary", ""),
                "notes": value.get("notes", ""),
                "row": number,
                "duplicate_of": None,
            }
        )
    if errors:
        raise ValidationError({"file": errors[:50]})
    return {"applications": applications, "warnings": warnings}, text


def _existing(user):
    return list(
        JobApplication.all_objects.filter(user=user).only("id", "company_name", "job_title", "date_applied")
    )


def _duplicate(item, existing):
    for row in existing:
        if fold(row.company_name) == fold(item["company_name"]) and fold(row.job_title) == fold(
            item["job_title"]
        ):
            same_day = not item["date_applied"] or not row.date_applied
            if same_day or row.date_applied.isoformat() == item["date_applied"]:
                return row
    return None


def mark_duplicates(user, draft: dict) -> None:
    existing = _existing(user)
    for item in draft.get("applications", []):
        match = _duplicate(item, existing)
        item["duplicate_of"] = match.pk if match else None


def clean(draft: dict) -> dict:
    """An edited tracker draft: re-validated through the same rules as the file."""
    items = draft.get("applications") if isinstance(draft, dict) else None
    if not isinstance(items, list):
        raise ValidationError({"draft.applications": ["Expected a list."]})
    out = io.StringIO()
    writer = csv.writer(out)
    keys = ("company_name", "job_title", "status", "date_applied", "location", "url", "salary", "notes")
    writer.writerow(keys)
    for item in items:
        if not isinstance(item, dict):
            raise ValidationError({"draft.applications": ["Each entry must be an object."]})
        writer.writerow([str(item.get(k) or "") for k in keys])
    cleaned, _ = parse(out.getvalue().encode())
    return cleaned


@transaction.atomic
def confirm(user, draft: dict, indices: list[int]) -> dict:
    items = draft.get("applications", [])
    existing = _existing(user)
    created, merged = [], []
    for index in indices:
        item = items[index]
        match = _duplicate(item, existing)
        if match is not None:
            merged.append(match.pk)
            continue
        applied = dt.date.fromisoformat(item["date_applied"]) if item["date_applied"] else None
        at = timezone.make_aware(dt.datetime.combine(applied, dt.time(12))) if applied else None
        fields = {k: item[k] for k in ("company_name", "job_title", "location", "url", "salary", "notes")}
        try:
            application = services.application_create(
                user=user,
                status=item["status"],
                at=at,
                date_applied=applied,
                note="Imported from CSV",
                **fields,
            )
        except ValidationError as exc:
            detail = exc.detail if isinstance(exc.detail, dict) else {"entry": exc.detail}
            raise ValidationError({f"applications.{index}.{k}": v for k, v in detail.items()}) from exc
        existing.append(application)
        created.append(application.pk)
    return {"created": created, "merged": merged}


IMPORT_KIND = ImportKind(
    key="tracker_csv",
    label="Job tracker CSV (ResuMate, Huntr, Teal, JobSync)",
    parse=parse,
    detect_text=detect,
    clean=clean,
    mark_duplicates=mark_duplicates,
    confirm=confirm,
    is_empty=lambda draft: not draft.get("applications"),
    review_template="job_tracker/applications/_import_review.html",
)
