from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

# Import drafts (resumes.importing) live in this app label too.
from resumes.importing.models import ImportDraft  # noqa: F401

# The webhook models live in this app label; importing them here registers them.
from resumes.integrations.models import Integration, WebhookLog  # noqa: F401
from resumes.locales import resume_language
from resumes.sharing.models import PublicProfile, ShareComment, ShareLink, ShareLinkDailyCount  # noqa: F401


class AchievementType(models.TextChoices):
    JOB = "job", _("Job")
    INTERNSHIP = "internship", _("Internship")
    COURSE = "course", _("Course")
    DEGREE = "degree", _("Degree")
    CERTIFICATION = "certification", _("Certification")
    PROJECT = "project", _("Project")
    AWARD = "award", _("Award")
    VOLUNTEER = "volunteer", _("Volunteer work")
    PUBLICATION = "publication", _("Publication")


class Achievement(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="achievements")
    type = models.CharField(max_length=20, choices=AchievementType.choices)
    title = models.CharField(max_length=200)
    organization = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=120, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True, help_text="Empty means ongoing.")
    description = models.TextField(blank=True)
    skills = models.JSONField(default=list, blank=True)
    highlights = models.JSONField(default=list, blank=True)
    url = models.URLField(max_length=500, blank=True)
    # Free labels ("backend", "teaching") that variants select by; lower-case, see validation.
    tags = models.JSONField(default=list, blank=True)
    # What an anonymised variant shows instead of the organisation (NDA work): "A European airline".
    anonymized_name = models.CharField(max_length=200, blank=True)
    is_verified = models.BooleanField(default=False)
    # Source of an achievement that arrived by webhook (resumes.integrations); empty when typed.
    source_integration = models.ForeignKey(
        "resumes.Integration", on_delete=models.SET_NULL, null=True, blank=True, related_name="achievements"
    )
    external_id = models.CharField(max_length=200, blank=True)
    # Who sent a webhook achievement ("GitHub", "Open Badges issuer X"); kept after disconnecting.
    # Shown instead of a verification: only staff verify.
    source_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["user", "type"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="achievement_end_not_before_start",
            ),
            models.UniqueConstraint(
                fields=["source_integration", "external_id"],
                condition=Q(source_integration__isnull=False),
                name="achievement_external_id_unique_per_integration",
            ),
        ]

    def __str__(self):
        return f"{self.get_type_display()}: {self.title}"


class SkillCategory(models.TextChoices):
    PROGRAMMING_LANGUAGE = "programming_language", "Programming language"
    FRAMEWORK = "framework", "Framework / library"
    DATABASE = "database", "Database"
    CLOUD_DEVOPS = "cloud_devops", "Cloud / DevOps"
    DATA_ML = "data_ml", "Data / ML"
    DESIGN = "design", "Design"
    TOOL = "tool", "Tool"
    SOFT_SKILL = "soft_skill", "Soft skill"
    SPOKEN_LANGUAGE = "spoken_language", "Spoken language"
    OTHER = "other", "Other"


class Proficiency(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"
    EXPERT = "expert", "Expert"


class SkillSource(models.TextChoices):
    AUTO = "auto", "From achievements"
    MANUAL = "manual", "Added by hand"


class Skill(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skills")
    name = models.CharField(max_length=60)
    category = models.CharField(max_length=30, choices=SkillCategory.choices, default=SkillCategory.OTHER)
    proficiency = models.CharField(max_length=20, choices=Proficiency.choices, default=Proficiency.BEGINNER)
    # Set by hand: the rebuild keeps it instead of deriving one from evidence.
    proficiency_is_manual = models.BooleanField(default=False)
    source = models.CharField(max_length=10, choices=SkillSource.choices, default=SkillSource.MANUAL)
    last_used = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category", "name"]
        constraints = [
            models.UniqueConstraint("user", Lower("name"), name="skill_name_unique_per_user_ci"),
            # Implied by the one above; it exists as the ON CONFLICT target of the rebuild's upsert.
            models.UniqueConstraint(fields=["user", "name"], name="skill_name_unique_per_user"),
        ]

    def __str__(self):
        return self.name


class ResumeTemplate(models.TextChoices):
    CLASSIC = "classic", _("Classic")
    MODERN = "modern", _("Modern")
    ATS = "ats", _("ATS-friendly")
    EXECUTIVE = "executive", _("Executive")
    ONEPAGE = "onepage", _("One page")


class ResumePaper(models.TextChoices):
    A4 = "a4", "A4"
    LETTER = "letter", _("US Letter")


class Resume(models.Model):
    """A resume; ``content`` follows the JSON Resume sections (basics, work, education, ...).

    Three kinds: the user's one main auto resume (``is_auto``), its variants
    (``variant_of`` set: rebuilt with the main one, their ``definition`` applied,
    see ``resumes.variants``) and manual resumes, which nothing rebuilds.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resumes")
    title = models.CharField(max_length=200)
    content = models.JSONField(default=dict, blank=True)
    template = models.CharField(max_length=20, choices=ResumeTemplate.choices, default=ResumeTemplate.CLASSIC)
    paper = models.CharField(max_length=10, choices=ResumePaper.choices, default=ResumePaper.A4)
    is_auto = models.BooleanField(default=False, help_text="Rebuilt from achievements on every change.")
    variant_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="variants",
        help_text="The main auto resume this variant is rebuilt with.",
    )
    definition = models.JSONField(
        default=dict, blank=True, help_text="Which achievements and how (variants)."
    )
    overrides = models.JSONField(default=list, blank=True, help_text="Reworded texts kept across rebuilds.")
    last_generated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-is_auto", "-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(is_auto=True), name="one_auto_resume_per_user"
            ),
            # The main resume is no one's variant; a variant is rebuilt, never the main one.
            models.CheckConstraint(
                condition=Q(is_auto=False) | Q(variant_of__isnull=True), name="resume_variant_is_not_auto"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def language(self) -> str:
        """The resume's language, ``content.meta.language`` (English when absent); see ``resumes.locales``."""
        return resume_language(self.content)

    @property
    def is_variant(self) -> bool:
        return self.variant_of_id is not None

    @property
    def kind(self) -> str:
        return "main" if self.is_auto else "variant" if self.is_variant else "manual"
