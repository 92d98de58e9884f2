"""Applications as CSV: the export, and an import kind that also reads Huntr, Teal and JobSync exports.

Export columns (UTF-8, one row per live application, header first):
``company, job_title, status, date_applied, location, url, salary, notes, created_at, last_status_change``.

Import matches columns by header (case, spacing and punctuation ignored) and
maps other trackers' status names onto ours; a bad row is refused naming its
row number and column, and nothing is written. Each imported application gets
the history its dates prove (``history``): added (``created_at``), applied
(``date_applied``), its status (``last_status_change``), each step backdated,
through ``application_create`` and ``application_change_status``.
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

# Our field -> header names: ours, the three trackers' and the obvious variants. Where they come from:
# - Huntr's board export: id, createdAt, title, salary, location, url, rootDomain, htmlDescription,
#   deadline, color, lastMovedAt, boardId, boardName, listId, listName, companyId, companyName, ...;
#   "-" for an empty cell; lists "applied", "rejected", ... (a real export: sample_data CSVs in
#   github.com/keenlychuang/huntr-to-notion).
# - JobSync's export: index, createdAt, applied (Yes/No), appliedDate, Company, JobTitle, jobType,
#   Location, JobSource, Status; dates yyyy-MM-dd, "N/A" when empty; statuses Draft, Applied,
#   Interview, Offer, Rejected, Expired, Archived, Offer Accepted, Offer Declined (github.com/Gsync/jobsync:
#   src/app/api/jobs/export/route.ts, prisma/seed.ts and the job_status_offer_outcomes migration).
# - Teal: unverified. No Teal CSV export nor a script reading one was found (only one calling its API
#   with include_states=bookmarked); "Job Position", "Date Applied", "Job URL" and the states
#   bookmarked, applying, applied, interviewing, negotiating, accepted are assumed from its tracker.
HEADERS = {
    "company_name": ("company", "company name", "company_name", "companyname", "employer", "organization"),
    "job_title": ("job_title", "job title", "title", "position", "job position", "role", "jobtitle"),
    "status": (
        "status",
        "stage",
        "list",
        "list name",
        "listname",
        "pipeline stage",
        "application status",
        "job status",
    ),
    "date_applied": (
        "date_applied",
        "date applied",
        "applied date",
        "applied on",
        "applieddate",
        "application date",
        "date of application",
    ),
    "location": ("location", "job location", "city"),
    "url": ("url", "job url", "job link", "link", "posting url", "joburl", "job_url", "post url"),
    "salary": ("salary", "salary range", "salaryrange", "compensation", "pay"),
    "notes": ("notes", "note", "comments", "description"),
    # When the job was added to the tracker, and when it last changed status (a Huntr list move).
    "created_at": ("created_at", "createdat", "created", "date added", "date saved", "date created"),
    "status_changed_at": ("last_status_change", "status_changed_at", "lastmovedat", "last moved at"),
}
# What the trackers write in an empty cell.
BLANK_CELLS = frozenset({"-", "\u2013", "\u2014", "n/a"})
DATE_KEYS = ("date_applied", "created_at", "status_changed_at")
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
        "expired",
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


def _cell(row: list[str], index: int) -> str:
    text = row[index].strip() if index < len(row) else ""
    return "" if text.lower() in BLANK_CELLS else text


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
        value = {key: _cell(row, i) for key, (i, _) in columns.items()}

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
        dates = dict.fromkeys(DATE_KEYS)
        for key in DATE_KEYS:
            if value.get(key):
                dates[key] = _date(value[key])
                if dates[key] is None:
                    fail(key, f"{value[key]!r} is not a date (use YYYY-MM-DD).")
        if value.get("url") and not re.match(r"^https?://", value["url"]):
            fail("url", f"{value['url'][:60]!r} is not an http(s) link.")
        applications.append(
            {
                "company_name": value.get("company_name", ""),
                "job_title": value.get("job_title", ""),
                "status": status,
                **{key: day.isoformat() if day else "" for key, day in dates.items()},
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
    keys = ("company_name", "job_title", "status", "location", "url", "salary", "notes", *DATE_KEYS)
    writer.writerow(keys)
    for item in items:
        if not isinstance(item, dict):
            raise ValidationError({"draft.applications": ["Each entry must be an object."]})
        writer.writerow([str(item.get(k) or "") for k in keys])
    cleaned, _ = parse(out.getvalue().encode())
    return cleaned


IMPORT_NOTE = "Imported from CSV"


def _day(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _noon(day: dt.date | None):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12))) if day else None


def history(item: dict) -> list[tuple[str, dt.date | None]]:
    """(status, day) steps the row's dates prove: added as a wishlist entry, applied, then its status.

    A step is only there when its day comes before the next one's; a row with one date (or none)
    is one step, its status on that day.
    """
    status = item["status"]
    created, applied, changed = (
        _day(item.get(key)) for key in ("created_at", "date_applied", "status_changed_at")
    )
    reached = changed or (applied if status in services.SENT_STATUSES else None) or created
    steps = []
    if created and reached and created < reached and status != ApplicationStatus.WISHLIST:
        steps.append((ApplicationStatus.WISHLIST, created))
    after_applying = status in services.SENT_STATUSES and status != ApplicationStatus.APPLIED
    if after_applying and applied and reached and applied < reached and (not steps or steps[-1][1] < applied):
        steps.append((ApplicationStatus.APPLIED, applied))
    return [*steps, (status, reached)]


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
        applied = _day(item.get("date_applied"))
        fields = {k: item[k] for k in ("company_name", "job_title", "location", "url", "salary", "notes")}
        (first, first_at), *later = history(item)
        try:
            application = services.application_create(
                user=user, status=first, at=_noon(first_at), date_applied=applied, note=IMPORT_NOTE, **fields
            )
            for status, at in later:
                services.application_change_status(
                    application=application, status=status, at=_noon(at), note=IMPORT_NOTE
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
