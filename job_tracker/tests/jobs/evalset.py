"""The committed evaluation set, loaded into the database the way a scrape would load it."""

from accounts.tests.factories import UserFactory
from job_tracker.jobs.eval import load
from job_tracker.jobs.scraping import NormalizedPosting
from job_tracker.jobs.services import ingest_postings
from job_tracker.models import JobPosting, JobSource
from resumes.models import Resume


def load_postings(source=None):
    """Every eval posting as an active JobPosting (skills extracted by ingestion); {eval id: pk}."""
    postings, _ = load()
    source = source or JobSource.objects.create(kind="greenhouse", identifier="evalset", name="Eval")
    ingest_postings(
        source=source,
        postings=[
            NormalizedPosting(
                external_id=p["id"], title=p["title"], location=p["location"], remote=p["remote"],
                description=p["description"], company_name="Eval Co",
            )
            for p in postings
        ],
    )  # fmt: skip
    return dict(JobPosting.objects.filter(source=source).values_list("external_id", "pk"))


def profile_user(name):
    """A user whose auto resume is the named eval profile."""
    _, profiles = load()
    data = next(p for p in profiles if p["name"] == name)
    user = UserFactory(headline=data["headline"], location=data["location"])
    Resume.objects.update_or_create(
        user=user, is_auto=True, defaults={"title": "Auto", "content": data["resume"]}
    )
    return user, data
