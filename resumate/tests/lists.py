"""Every paginated list under /api/v1/: how to make ``n`` rows one user sees, and the page's URL.

``RECIPES`` maps an endpoint's name to ``(make(user, n) -> url, queries)``: the exact number of
queries a page of any size reads with a JWT (the user, the count, the page, then one per
prefetched relation; the example list is public and reads no user).
"""

from datetime import date, timedelta

from django.utils import timezone

from accounts.tokens.services import token_create
from job_tracker.contacts.services import company_ensure
from job_tracker.models import (
    ApplicationEvent,
    Contact,
    Interview,
    SavedSearch,
    WeeklyReport,
)
from job_tracker.tests.factories import JobApplicationFactory, JobPostingFactory, JobSourceFactory
from resumes.integrations.models import WebhookLog
from resumes.integrations.services import integration_create
from resumes.models import Resume
from resumes.sharing.services import share_link_create
from resumes.tests.factories import AchievementFactory, ResumeFactory, SkillFactory
from resumes.variants.services import variant_create


def _achievements(user, n):
    AchievementFactory.create_batch(n, user=user, skills=["Python", "Django"], highlights=["Shipped"])
    return "/api/v1/achievements/"


def _skills(user, n):
    for i in range(n):
        SkillFactory(user=user, name=f"Skill {i}")
    return "/api/v1/skills/"


def _resumes(user, n):
    ResumeFactory.create_batch(n, user=user)
    return "/api/v1/resumes/"


def _variants(user, n):
    AchievementFactory(user=user)
    main = Resume.objects.filter(user=user, is_auto=True).first() or ResumeFactory(user=user, is_auto=True)
    for i in range(n):
        variant_create(main=main, title=f"Variant {i}")
    return f"/api/v1/resumes/{main.pk}/variants/"


def _share_links(user, n):
    resume = ResumeFactory(user=user)
    for _ in range(n):
        share_link_create(resume=resume)
    return f"/api/v1/resumes/{resume.pk}/share-links/"


def _integrations(user, n):
    for i in range(n):
        integration_create(user=user, platform="github", name=f"Hook {i}")
    return "/api/v1/integrations/"


def _integration_logs(user, n):
    integration, _secret = integration_create(user=user, platform="github", name="Hook")
    achievement = AchievementFactory(user=user)
    WebhookLog.objects.bulk_create(
        WebhookLog(integration=integration, platform="github", delivery_id=str(i), achievement=achievement)
        for i in range(n)
    )
    return f"/api/v1/integrations/{integration.pk}/logs/"


def _applications(user, n):
    resume = ResumeFactory(user=user)
    posting = JobPostingFactory()
    JobApplicationFactory.create_batch(n, user=user, resume_used=resume, job_posting=posting)
    return "/api/v1/applications/"


def _events(user, n):
    application = JobApplicationFactory(user=user)
    ApplicationEvent.objects.bulk_create(
        ApplicationEvent(application=application, user=user, from_status="applied", to_status="interview")
        for _ in range(n)
    )
    return f"/api/v1/applications/{application.pk}/events/"


def _interviews(user, n):
    application = JobApplicationFactory(user=user)
    contact = Contact.objects.create(user=user, name="Ada")
    for i in range(n):
        interview = Interview.objects.create(
            user=user,
            application=application,
            starts_at=timezone.now() + timedelta(days=i + 1),
            ends_at=timezone.now() + timedelta(days=i + 1, hours=1),
            time_zone="Europe/Prague",
        )
        interview.contacts.add(contact)
    return f"/api/v1/applications/{application.pk}/interviews/"


def _contacts(user, n):
    application = JobApplicationFactory(user=user)
    for i in range(n):
        Contact.objects.create(user=user, name=f"C{i}").applications.add(application)
    return "/api/v1/contacts/"


def _companies(user, n):
    for i in range(n):
        company_ensure(user=user, name=f"Company {i}")
    return "/api/v1/companies/"


def _jobs(user, n):
    ResumeFactory(user=user, is_auto=True)
    JobPostingFactory.create_batch(n, skills_required=["Python"])
    return "/api/v1/jobs/"


def _saved_searches(user, n):
    source = JobSourceFactory()
    for i in range(n):
        SavedSearch.objects.create(user=user, name=f"search {i}", q="", min_score=0, source=source)
    return "/api/v1/saved-searches/"


def _weekly_reports(user, n):
    monday = date(2026, 11, 2)
    WeeklyReport.objects.bulk_create(
        WeeklyReport(user=user, week_start=monday - timedelta(weeks=i)) for i in range(n)
    )
    return "/api/v1/reports/weekly/"


def _tokens(user, n):
    for i in range(n):
        token_create(user=user, name=f"t{i}")
    return "/api/v1/auth/tokens/"


def _examples(user, n):
    JobApplicationFactory.create_batch(n, user=user, is_example=True)
    return "/api/v1/example-applications/"


RECIPES = {
    "achievements": (_achievements, 3),
    "skills": (_skills, 3),
    "resumes": (_resumes, 3),
    "resume variants": (_variants, 4),
    "resume share links": (_share_links, 4),
    "integrations": (_integrations, 3),
    "integration logs": (_integration_logs, 4),
    "applications": (_applications, 3),
    "application events": (_events, 4),
    "interviews": (_interviews, 5),
    "contacts": (_contacts, 5),
    "companies": (_companies, 3),
    "jobs": (_jobs, 5),
    "saved searches": (_saved_searches, 3),
    "weekly reports": (_weekly_reports, 3),
    "personal tokens": (_tokens, 3),
    "example applications": (_examples, 1),
}
