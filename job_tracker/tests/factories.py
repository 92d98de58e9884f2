"""Factories for job applications, job sources and postings."""

import factory

from accounts.tests.factories import UserFactory
from job_tracker.applications import services
from job_tracker.models import JobApplication, JobPosting, JobSource
from resumes.models import Resume


class JobSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobSource

    kind = "greenhouse"
    identifier = factory.Sequence(lambda n: f"board{n}")
    name = factory.Sequence(lambda n: f"Company {n}")


class JobPostingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobPosting

    source = factory.SubFactory(JobSourceFactory)
    external_id = factory.Sequence(lambda n: f"job-{n}")
    url = factory.LazyAttribute(lambda p: f"https://example.com/jobs/{p.external_id}")
    title = "Software Engineer"
    company_name = "Initech"
    location = "Berlin"
    description = "Build things."
    skills_required = factory.LazyFunction(list)


class JobApplicationFactory(factory.django.DjangoModelFactory):
    """Created through the service, so every application has its creation event."""

    class Meta:
        model = JobApplication

    user = factory.SubFactory(UserFactory)
    job_title = factory.Sequence(lambda n: f"Backend developer {n}")
    company_name = factory.Iterator(["Škoda Digital", "Acme", "Globex", "Müller & Söhne"])
    location = "Praha"

    @classmethod
    def _create(cls, model_class, *args, user, **kwargs):
        return services.application_create(user=user, **kwargs)


def make_resume(user, title="My resume"):
    return Resume.objects.create(user=user, title=title)


def make_posting(**fields):
    source, _ = JobSource.objects.get_or_create(kind="greenhouse", identifier="globex")
    return JobPosting.objects.create(
        source=source, external_id=fields.pop("external_id", "p-1"), title="Python engineer", **fields
    )
