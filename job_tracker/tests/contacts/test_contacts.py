"""Contacts: owner-scoped API, the contact page, vCard, export and erasure; company records."""

from datetime import datetime

import pytest
import vobject
from django.test import Client

from accounts.tests.factories import PASSWORD
from accounts.tests.helpers import erase_after_grace
from job_tracker.followups.services import calendar_token_rotate
from job_tracker.interviews import services as interview_services
from job_tracker.models import Company, Contact
from job_tracker.tests.factories import JobApplicationFactory, make_posting

pytestmark = pytest.mark.django_db
ADA = {
    "name": "Ada Lovelace",
    "role": "Engineering manager",
    "company": "Ørsted",
    "email": "ada@example.com",
    "phone": "+45 12 34 56 78",
    "linkedin_url": "https://www.linkedin.com/in/ada",
    "notes": "Met at PyCon.",
}


@pytest.fixture
def application(user):
    return JobApplicationFactory(user=user, job_title="Data engineer", company_name="Ørsted")


def test_crud(api_client, application):
    response = api_client.post("/api/v1/contacts/", {**ADA, "applications": [application.pk]}, format="json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["applications"] == [application.pk]
    response = api_client.patch(
        f"/api/v1/contacts/{pk}/", {"role": "Director", "applications": []}, format="json"
    )
    assert (response.json()["role"], response.json()["applications"]) == ("Director", [])
    assert api_client.get("/api/v1/contacts/", {"search": "lovelace"}).json()["count"] == 1
    assert api_client.delete(f"/api/v1/contacts/{pk}/").status_code == 204
    assert not Contact.objects.exists()


def test_bad_input_is_a_400(api_client):
    response = api_client.post("/api/v1/contacts/", {"name": "", "email": "nope"}, format="json")
    assert response.status_code == 400
    assert {"name", "email"} <= set(response.json()["errors"])


def test_owner_scoped(api_client, other_client, other_user, application):
    pk = api_client.post("/api/v1/contacts/", ADA, format="json").json()["id"]
    assert other_client.get(f"/api/v1/contacts/{pk}/").status_code == 404
    assert other_client.patch(f"/api/v1/contacts/{pk}/", {"name": "x"}, format="json").status_code == 404
    assert other_client.delete(f"/api/v1/contacts/{pk}/").status_code == 404
    assert other_client.get("/api/v1/contacts/").json()["count"] == 0
    # Linking someone else's application is a field error, and nothing is written.
    response = other_client.post(
        "/api/v1/contacts/", {**ADA, "applications": [application.pk]}, format="json"
    )
    assert response.status_code == 400
    assert "applications" in response.json()["errors"]
    assert Contact.objects.filter(user=other_user).count() == 0


@pytest.mark.parametrize("rows", [1, 40])
def test_list_query_count_does_not_grow(api_client, user, application, rows, django_assert_max_num_queries):
    for i in range(rows):
        contact = Contact.objects.create(user=user, name=f"C{i}")
        contact.applications.add(application)
    # user, count, page, applications, interviews.
    with django_assert_max_num_queries(5):
        response = api_client.get("/api/v1/contacts/")
    assert response.json()["count"] == rows
    assert response.json()["results"][0]["applications"] == [application.pk]


def test_contact_page_lists_every_application_and_interview(user, application):
    contact = Contact.objects.create(user=user, **ADA)
    contact.applications.add(application)
    second = JobApplicationFactory(user=user, job_title="Platform engineer", company_name="Vestas")
    interview_services.interview_create(
        application=second, kind="technical",
        starts_at=datetime(2026, 5, 4, 10), ends_at=datetime(2026, 5, 4, 11),
        time_zone="Europe/Copenhagen", contacts=[contact],
    )  # fmt: skip
    page = Client()
    page.force_login(user)
    html = page.get(f"/contacts/{contact.pk}/").content.decode()
    assert "Data engineer" in html
    assert "Technical" in html and "Platform engineer at Vestas" in html
    assert page.get("/contacts/").status_code == 200
    response = page.post("/contacts/new/", {"name": "Grace Hopper", "applications": [application.pk]})
    assert response.status_code == 302
    assert Contact.objects.get(name="Grace Hopper").applications.get() == application
    stranger = Client()
    stranger.force_login(JobApplicationFactory().user)
    assert stranger.get(f"/contacts/{contact.pk}/").status_code == 404


def test_vcard_export(user):
    contact = Contact.objects.create(user=user, **ADA)
    page = Client()
    page.force_login(user)
    response = page.get(f"/contacts/{contact.pk}/vcard/")
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="ada-lovelace.vcf"' in response["Content-Disposition"]
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Ada Lovelace"
    assert (card.n.value.given, card.n.value.family) == ("Ada", "Lovelace")
    assert card.org.value == ["Ørsted"]
    assert card.email.value == "ada@example.com"
    assert card.tel.value == "+45 12 34 56 78"
    assert card.url.value == "https://www.linkedin.com/in/ada"


def test_contacts_are_exported_and_erased_with_the_account(api_client, user, application):
    contact_id = api_client.post(
        "/api/v1/contacts/", {**ADA, "applications": [application.pk]}, format="json"
    )
    interview_services.interview_create(
        application=application, kind="phone",
        starts_at=datetime(2026, 5, 4, 10), ends_at=datetime(2026, 5, 4, 11),
        time_zone="UTC",
    )  # fmt: skip
    calendar_token_rotate(user=user)
    document = api_client.get("/api/v1/auth/me/export/").json()
    assert [c["name"] for c in document["job_tracker.contact"]] == ["Ada Lovelace"]
    assert len(document["job_tracker.interview"]) == 1
    assert [c["name"] for c in document["job_tracker.company"]] == ["Ørsted"]
    [settings_row] = document["job_tracker.trackersettings"]
    assert settings_row["reminder_hours"] == 24
    assert "calendar_token" not in settings_row  # a credential
    # Deleting deactivates (with the password); the daily task erases after the grace period.
    assert api_client.delete("/api/v1/auth/me/", {"password": PASSWORD}).status_code == 202
    erase_after_grace(user)
    assert not Contact.objects.filter(pk=contact_id.json()["id"]).exists()
    assert not Company.objects.exists()


def test_a_company_record_per_employer_name(api_client, user, other_client):
    JobApplicationFactory(user=user, company_name="Ørsted")
    JobApplicationFactory(user=user, company_name="ørsted ")
    JobApplicationFactory(user=user, company_name="Vestas")
    companies = api_client.get("/api/v1/companies/").json()["results"]
    assert sorted(c["name"] for c in companies) == ["Vestas", "Ørsted"]
    pk = next(c["id"] for c in companies if c["name"] == "Ørsted")
    response = api_client.patch(
        f"/api/v1/companies/{pk}/", {"notes": "Offshore wind. Values safety.", "size": "8000"}, format="json"
    )
    assert response.status_code == 200
    assert other_client.get(f"/api/v1/companies/{pk}/").status_code == 404
    make_posting(company_name="Ørsted", external_id="w-1")
    page = Client()
    page.force_login(user)
    html = page.get(f"/companies/{pk}/").content.decode()
    assert "Offshore wind" in html
    assert html.count("Backend developer") == 2  # both applications to Ørsted
    assert "Python engineer" in html  # the posting
