import json
import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ApplicationStatus(models.TextChoices):
    """In pipeline order."""

    WISHLIST = "wishlist", pgettext_lazy("application status", "Wishlist")
    APPLIED = "applied", pgettext_lazy("application status", "Applied")
    SCREENING = "screening", pgettext_lazy("application status", "Screening")
    INTERVIEWING = "interviewing", pgettext_lazy("application status", "Interviewing")
    OFFER = "offer", pgettext_lazy("application status", "Offer")
    ACCEPTED = "accepted", pgettext_lazy("application status", "Accepted")
    REJECTED = "rejected", pgettext_lazy("application status", "Rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "Withdrawn")


class JobSourceKind(models.TextChoices):
    GREENHOUSE = "greenhouse", "Greenhouse"
    LEVER = "lever", "Lever"
    REMOTIVE = "remotive", "Remotive"
    RSS = "rss", _("RSS / Atom feed")
    HH = "hh", "hh.ru"
    ASHBY = "ashby", "Ashby"
    WORKABLE = "workable", "Workable"
    SMARTRECRUITERS = "smartrecruiters", "SmartRecruiters"
    ARBEITNOW = "arbeitnow", "Arbeitnow"


class FloatArrayField(models.Field):
    """A list of floats: ``double precision[]`` on PostgreSQL, JSON text elsewhere.

    Vectors are only read back and compared in Python (numpy), never queried by
    element, so the column needs no lookups; doubles keep both databases' scores equal.
    """

    description = "List of floats"

    def db_type(self, connection):
        return "double precision[]" if connection.vendor == "postgresql" else "text"

    def from_db_value(self, value, expression, connection):
        if value is None or isinstance(value, list):
            return value
        return json.loads(value)

    def to_python(self, value):
        if value is None or isinstance(value, list):
            return value
        return json.loads(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        value = [float(x) for x in value]
        return value if connection.vendor == "postgresql" else json.dumps(value)


class JobSource(models.Model):
    kind = models.CharField(max_length=20, choices=JobSourceKind.choices)
    identifier = models.CharField(max_length=500, help_text="Board token, company slug or feed URL.")
    name = models.CharField(max_length=200, blank=True)
    base_url = models.URLField(max_length=500, blank=True, help_text="Overrides the board's public API root.")
    is_active = models.BooleanField(default=True)
    min_interval_hours = models.PositiveIntegerField(
        null=True, blank=True, help_text="Least time between scheduled fetches (board terms)."
    )
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=20, blank=True)
    last_error = models.TextField(blank=True)
    postings_seen = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "identifier", "base_url"], name="job_source_unique"),
        ]

    def __str__(self):
        return self.name or f"{self.get_kind_display()}: {self.identifier}"


class RemoteType(models.TextChoices):
    REMOTE = "remote", _("Remote")
    HYBRID = "hybrid", _("Hybrid")
    ONSITE = "onsite", _("On-site")
    UNKNOWN = "unknown", _("Unknown")


class JobPosting(models.Model):
    source = models.ForeignKey(JobSource, on_delete=models.CASCADE, related_name="postings")
    external_id = models.CharField(max_length=200)
    url = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=300)
    company_name = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=300, blank=True)
    remote = models.CharField(max_length=10, choices=RemoteType.choices, default=RemoteType.UNKNOWN)
    employment_type = models.CharField(max_length=100, blank=True)
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    description = models.TextField(blank=True, help_text="Plain text, HTML stripped.")
    description_html = models.TextField(blank=True, help_text="As the board sent it.")
    skills_required = models.JSONField(default=list, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    is_active = models.BooleanField(default=True)
    # Title (A), company (B) and description (C), kept current by a PostgreSQL trigger
    # (migration 0002); stays empty on SQLite, where search falls back to icontains.
    search_vector = SearchVectorField(null=True, editable=False)
    # Unit-length meaning vector from the SemanticIndex it names (job_tracker.jobs.semantic).
    embedding = FloatArrayField(null=True, blank=True, editable=False)
    embedding_index = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["is_active", "-published_at"])]
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="posting_unique_per_source"),
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_max__gte=F("salary_min")),
                name="posting_salary_range_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.company_name})"


class ApplicationSource(models.TextChoices):
    """How the application reached the employer (outcomes compare them)."""

    BOARD = "board", _("Job board")
    REFERRAL = "referral", _("Referral")
    DIRECT = "direct", _("Direct")


class ActiveApplicationManager(models.Manager):
    """Hides soft-deleted applications."""

    def get_queryset(self):
        return super().get_queryset().filter(is_deleted=False)


class JobApplication(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications")
    resume_used = models.ForeignKey(
        "resumes.Resume", null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    job_posting = models.ForeignKey(
        JobPosting, null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    # Fit (0-100, jobs.matching) of resume_used -- often a variant -- against this application's
    # posting: frozen when the application is sent, and kept current as the resume rebuilds.
    resume_score_sent = models.PositiveSmallIntegerField(null=True, blank=True)
    resume_score = models.PositiveSmallIntegerField(null=True, blank=True)
    resume_scored_at = models.DateTimeField(null=True, blank=True)
    job_title = models.CharField(max_length=200)
    company_name = models.CharField(max_length=200)
    location = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    original_job_description = models.TextField(blank=True)
    salary = models.CharField(max_length=100, blank=True)
    date_applied = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.WISHLIST
    )
    notes = models.TextField(blank=True)
    cover_letter = models.TextField(blank=True)
    source = models.CharField(
        max_length=10, choices=ApplicationSource.choices, default=ApplicationSource.DIRECT
    )
    match_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The posting's match score (0-100) when it was tracked."
    )
    follow_up_snoozed_until = models.DateField(null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    is_deleted = models.BooleanField(default=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    is_example = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActiveApplicationManager()
    all_objects = models.Manager()  # noqa: DJ012 (a manager, not a field)

    class Meta:
        base_manager_name = "all_objects"
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["user", "is_deleted", "status"]),
            models.Index(fields=["is_example", "is_deleted"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(match_score__isnull=True) | Q(match_score__lte=100),
                name="application_match_score_within_0_100",
            ),
            models.CheckConstraint(
                condition=Q(resume_score__lte=100) & Q(resume_score_sent__lte=100),
                name="application_resume_scores_within_0_100",
            ),
        ]

    def __str__(self):
        return f"{self.job_title} at {self.company_name}"


class ApplicationEvent(models.Model):
    """One status change (or the creation) of an application, for history and reports."""

    application = models.ForeignKey(JobApplication, on_delete=models.CASCADE, related_name="events")
    # Copied from the application so reports aggregate without a join.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    from_status = models.CharField(max_length=20, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self):
        return f"{self.from_status or '-'} -> {self.to_status}"


class WeeklyReport(models.Model):
    """One user's numbers for one Monday-based week in their time zone (see job_tracker.reports)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_reports"
    )
    week_start = models.DateField(help_text="Monday of the week, in the user's time zone.")
    applications_sent = models.PositiveIntegerField(default=0)
    responses = models.PositiveIntegerField(
        default=0, help_text="Applications that first moved past applied."
    )
    interviews = models.PositiveIntegerField(default=0)
    offers = models.PositiveIntegerField(default=0)
    rejections = models.PositiveIntegerField(default=0)
    response_rate = models.FloatField(default=0, help_text="Share of all sent applications answered (0-1).")
    interview_rate = models.FloatField(
        default=0, help_text="Share of all sent applications interviewed (0-1)."
    )
    postings_matched = models.PositiveIntegerField(default=0)
    achievements_added = models.PositiveIntegerField(default=0)
    recommendations = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-week_start", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "week_start"], name="weekly_report_unique_per_week"),
            models.CheckConstraint(
                condition=Q(response_rate__gte=0, response_rate__lte=1)
                & Q(interview_rate__gte=0, interview_rate__lte=1),
                name="weekly_report_rates_within_0_1",
            ),
        ]
        indexes = [models.Index(fields=["week_start"])]

    def __str__(self):
        return f"{self.user} · week of {self.week_start:%Y-%m-%d}"


class TrackerSettings(models.Model):
    """A user's job tracker preferences and calendar feed secret; absent means every default."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracker_settings"
    )
    reminder_hours = models.PositiveSmallIntegerField(
        default=24, help_text=_("E-mail a reminder this many hours before an interview.")
    )
    follow_up_days = models.PositiveSmallIntegerField(
        default=7, help_text=_("Suggest a follow-up after this many days in applied without a response.")
    )
    follow_up_digest = models.BooleanField(
        default=False, help_text=_("E-mail the follow-up list every morning.")
    )
    digest_sent_on = models.DateField(null=True, blank=True, help_text="Local day of the last digest.")
    # Kept readable (not hashed): the settings page shows the address again, as calendar apps do.
    # Blank until the user turns the feed on; revoking replaces it.
    calendar_token = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "tracker settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(reminder_hours__gte=1, reminder_hours__lte=336),
                name="tracker_reminder_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(follow_up_days__gte=1, follow_up_days__lte=90),
                name="tracker_follow_up_days_range",
            ),
            models.UniqueConstraint(
                fields=["calendar_token"],
                condition=~Q(calendar_token=""),
                name="tracker_calendar_token_unique",
            ),
        ]

    def __str__(self):
        return f"Tracker settings of {self.user}"


class Company(models.Model):
    """What the user knows about one employer, matched to applications and postings by name."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="companies")
    name = models.CharField(max_length=200)
    # casefold() of the name, computed in Python: SQLite's LOWER() folds ASCII only ("Ørsted").
    name_key = models.CharField(max_length=200, editable=False)
    website = models.URLField(max_length=500, blank=True)
    size = models.CharField(max_length=60, blank=True, help_text=_("Head count or a range, as you know it."))
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "companies"
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name_key"], name="company_name_unique_per_user"),
        ]

    def __str__(self):
        return self.name


class Contact(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    company = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    linkedin_url = models.URLField(max_length=500, blank=True)
    notes = models.TextField(blank=True)
    applications = models.ManyToManyField(JobApplication, blank=True, related_name="contacts")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["user", "name"])]

    def __str__(self):
        return self.name


class InterviewKind(models.TextChoices):
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video")
    ONSITE = "onsite", _("On-site")
    TECHNICAL = "technical", _("Technical")
    TAKE_HOME = "take_home", _("Take-home due")


class InterviewStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Interview(models.Model):
    """One interview (or take-home deadline) of an application; one VEVENT in the user's calendar."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interviews")
    application = models.ForeignKey(JobApplication, on_delete=models.CASCADE, related_name="interviews")
    kind = models.CharField(max_length=20, choices=InterviewKind.choices, default=InterviewKind.VIDEO)
    starts_at = models.DateTimeField(help_text="For a take-home: the deadline.")
    ends_at = models.DateTimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, help_text="IANA name; the calendar shows times in it.")
    location = models.CharField(max_length=300, blank=True)
    link = models.URLField(max_length=1000, blank=True)
    notes = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=InterviewStatus.choices, default=InterviewStatus.SCHEDULED
    )
    contacts = models.ManyToManyField(Contact, blank=True, related_name="interviews")
    # The calendar's identity of the event: never changes, while SEQUENCE counts the changes.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    remind_at = models.DateTimeField(
        null=True, blank=True, help_text="starts_at minus the user's reminder hours."
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["application", "starts_at"]),
            models.Index(
                fields=["remind_at"],
                condition=Q(reminder_sent_at__isnull=True),
                name="interview_due_reminder",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="interview_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(kind="take_home") | Q(ends_at__isnull=False),
                name="interview_has_end_unless_take_home",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.application}"

    @property
    def is_all_day(self) -> bool:
        return self.kind == InterviewKind.TAKE_HOME


class SemanticIndex(models.Model):
    """One fit of the meaning vectors (TF-IDF + truncated SVD over the postings, or a model on disk).

    ``vocabulary`` maps terms to columns; ``arrays`` holds ``idf`` and ``components``
    as an ``.npz`` (read without pickle). The newest row is the one in use.
    """

    class Kind(models.TextChoices):
        LSA = "lsa", "TF-IDF + truncated SVD"
        MODEL = "model", "Sentence-embedding model on disk"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.LSA)
    model_path = models.CharField(max_length=500, blank=True)
    dimensions = models.PositiveIntegerField()
    postings_count = models.PositiveIntegerField(default=0)
    vocabulary = models.JSONField(default=dict, blank=True)
    arrays = models.BinaryField(blank=True, default=b"")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "semantic indexes"

    def __str__(self):
        return (
            f"{self.get_kind_display()} #{self.pk} ({self.dimensions} dims, {self.postings_count} postings)"
        )


class AlertFrequency(models.TextChoices):
    INSTANT = "instant", _("Right away")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class SavedSearch(models.Model):
    """A job board search a user keeps, with e-mail alerts for new postings that match it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(max_length=120)
    q = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    remote = models.CharField(max_length=10, choices=RemoteType.choices, blank=True)
    source = models.ForeignKey(
        JobSource, null=True, blank=True, on_delete=models.SET_NULL, related_name="saved_searches"
    )
    min_score = models.PositiveSmallIntegerField(default=50)
    frequency = models.CharField(max_length=10, choices=AlertFrequency.choices, default=AlertFrequency.DAILY)
    alerts_enabled = models.BooleanField(default=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["alerts_enabled", "frequency"])]
        constraints = [
            models.CheckConstraint(condition=Q(min_score__lte=100), name="saved_search_min_score_0_100"),
        ]

    def __str__(self):
        return self.name


class SavedSearchMatch(models.Model):
    """A posting found for a saved search: announced at most once (the unique pair)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for the next e-mail")
        SENT = "sent", _("E-mailed")
        DROPPED = "dropped", _("Over the weekly limit")

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="matches")
    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score", "-id"]
        indexes = [models.Index(fields=["saved_search", "state"]), models.Index(fields=["state", "sent_at"])]
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "posting"], name="saved_search_posting_once"),
            models.CheckConstraint(condition=Q(score__lte=100), name="saved_search_match_score_0_100"),
        ]

    def __str__(self):
        return f"{self.saved_search} · {self.posting_id}"


class HHAccount(models.Model):
    """A user's hh.ru authorisation: OAuth tokens, encrypted at rest."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hh_account")
    hh_user_id = models.CharField(max_length=50, blank=True)
    display_name = models.CharField(max_length=200, blank=True)
    access_token_encrypted = models.TextField()
    refresh_token_encrypted = models.TextField()
    expires_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"hh.ru: {self.display_name or self.hh_user_id} ({self.user})"


class HHNegotiation(models.Model):
    """One application sent through hh.ru's negotiations API (and the limit's counter)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    posting = models.ForeignKey(JobPosting, on_delete=models.SET_NULL, null=True, related_name="+")
    application = models.ForeignKey(JobApplication, on_delete=models.SET_NULL, null=True, related_name="+")
    vacancy_id = models.CharField(max_length=100)
    hh_resume_id = models.CharField(max_length=100)
    negotiation_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "created_at"])]
        constraints = [
            models.UniqueConstraint(fields=["user", "vacancy_id"], name="hh_negotiation_once_per_vacancy"),
        ]

    def __str__(self):
        return f"{self.user} -> {self.posting_id}"
