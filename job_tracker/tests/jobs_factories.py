"""Factories for job sources and postings (issue 7); applications have their own."""

import factory

from job_tracker.models import JobPosting, JobSource


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
