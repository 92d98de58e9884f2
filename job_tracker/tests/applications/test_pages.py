import pytest
from django.test import Client
from django.urls import reverse

from job_tracker.applications import services
from job_tracker.models import JobApplication
from job_tracker.tests.factories import JobApplicationFactory, make_resume

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def page(user):
    client = Client()
    client.force_login(user)
    return client


def test_board_has_a_column_per_status_with_the_cards(page, user, other_user):
    JobApplicationFactory(user=user, job_title="Rust developer", company_name="Ørsted", status="interviewing")
    JobApplicationFactory(user=other_user, job_title="Not mine")
    response = page.get(reverse("job_tracker:board"))
    assert response.status_code == 200
    html = response.content.decode()
    for label in [
        "Wishlist",
        "Applied",
        "Screening",
        "Interviewing",
        "Offer",
        "Accepted",
        "Rejected",
        "Withdrawn",
    ]:
        assert f'aria-label="{label}"' in html
    assert "Rust developer" in html and "Ørsted" in html
    assert "Not mine" not in html
    columns = {c["status"]: [a.job_title for a in c["applications"]] for c in response.context["columns"]}
    assert columns["interviewing"] == ["Rust developer"]


def test_moving_a_card_with_htmx_returns_the_board_and_records_the_event(page, user):
    application = JobApplicationFactory(user=user, job_title="Rust developer")
    url = reverse("job_tracker:application-move", args=[application.pk])
    response = page.post(url, {"status": "applied"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="board"')  # a fragment, swapped in place: no reload
    assert "<html" not in html
    columns = {c["status"]: [a.pk for a in c["applications"]] for c in response.context["columns"]}
    assert columns["applied"] == [application.pk] and columns["wishlist"] == []
    moves = list(application.events.values_list("from_status", "to_status"))
    assert moves == [("", "wishlist"), ("wishlist", "applied")]
    # Dropping it in the same column again is not a move.
    page.post(url, {"status": "applied"}, **HTMX)
    assert application.events.count() == 2


def test_moving_without_htmx_redirects_back(page, user):
    application = JobApplicationFactory(user=user)
    response = page.post(reverse("job_tracker:application-move", args=[application.pk]), {"status": "offer"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "offer"


def test_moving_to_an_unknown_status_is_refused(page, user):
    application = JobApplicationFactory(user=user)
    url = reverse("job_tracker:application-move", args=[application.pk])
    response = page.post(url, {"status": "hired"}, **HTMX)
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == "wishlist" and application.events.count() == 1


def test_another_users_application_is_404_on_every_page(page, other_user):
    application = JobApplicationFactory(user=other_user)
    for name in ["application", "application-edit"]:
        assert page.get(reverse(f"job_tracker:{name}", args=[application.pk])).status_code == 404
    for name in ["application-move", "application-notes", "application-delete", "application-restore"]:
        response = page.post(reverse(f"job_tracker:{name}", args=[application.pk]), {"status": "offer"})
        assert response.status_code == 404
    application.refresh_from_db()
    assert (application.status, application.is_deleted) == ("wishlist", False)


def test_pages_need_a_login(user):
    response = Client().get(reverse("job_tracker:board"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_list_page_filters(page, user):
    JobApplicationFactory(user=user, job_title="Data engineer", company_name="Zeta", status="applied")
    JobApplicationFactory(user=user, job_title="Python developer", company_name="Alpha", notes="kubernetes")
    html = page.get(reverse("job_tracker:applications"), {"status": "applied"}).content.decode()
    assert "Data engineer" in html and "Python developer" not in html
    html = page.get(reverse("job_tracker:applications"), {"search": "KUBERNETES"}).content.decode()
    assert "Python developer" in html and "Data engineer" not in html
    response = page.get(reverse("job_tracker:applications"), {"applied_after": "not-a-date"})
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()


def test_detail_shows_notes_history_and_resume(page, user):
    resume = make_resume(user, title="Backend résumé")
    application = JobApplicationFactory(user=user, resume_used=resume, notes="Ask about on-call")
    services.application_change_status(application=application, status="applied", note="Sent via referral")
    html = page.get(reverse("job_tracker:application", args=[application.pk])).content.decode()
    assert "Ask about on-call" in html
    assert "Backend résumé" in html
    assert "Added as Wishlist" in html
    assert "Wishlist → Applied" in html and "Sent via referral" in html


def test_notes_are_saved_inline_with_htmx(page, user):
    application = JobApplicationFactory(user=user)
    url = reverse("job_tracker:application-notes", args=[application.pk])
    response = page.post(url, {"notes": "Recruiter: Łukasz"}, **HTMX)
    assert response.status_code == 200
    assert 'id="notes"' in response.content.decode() and "Saved." in response.content.decode()
    application.refresh_from_db()
    assert application.notes == "Recruiter: Łukasz"


def test_create_and_edit_through_the_form(page, user, other_user):
    resume = make_resume(user)
    data = {
        "job_title": "QA engineer",
        "company_name": "Nordea",
        "status": "wishlist",
        "resume_used": resume.pk,
    }
    response = page.post(reverse("job_tracker:application-create"), data)
    assert response.status_code == 302
    application = JobApplication.objects.get(job_title="QA engineer")
    assert application.user == user and application.resume_used == resume

    edit = reverse("job_tracker:application-edit", args=[application.pk])
    response = page.post(edit, {**data, "status": "screening", "status_note": "Phone screen"})
    assert response.status_code == 302
    last = application.events.last()
    assert (last.from_status, last.to_status, last.note) == ("wishlist", "screening", "Phone screen")

    foreign = make_resume(other_user)
    response = page.post(edit, {**data, "resume_used": foreign.pk})
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.resume_used == resume


def test_delete_then_restore_from_recently_deleted(page, user):
    application = JobApplicationFactory(user=user, job_title="Embedded developer")
    response = page.post(reverse("job_tracker:application-delete", args=[application.pk]), follow=True)
    assert "You can restore it" in response.content.decode()
    assert 'id="application-' not in response.content.decode()  # the board has no card left
    deleted = page.get(reverse("job_tracker:applications-deleted")).content.decode()
    assert "Embedded developer" in deleted
    response = page.post(reverse("job_tracker:application-restore", args=[application.pk]))
    assert response.status_code == 302
    assert f'id="application-{application.pk}"' in page.get(reverse("job_tracker:board")).content.decode()


def test_dashboard_panel_counts_per_status(page, user):
    JobApplicationFactory(user=user, status="applied")
    JobApplicationFactory(user=user, status="applied")
    JobApplicationFactory(user=user, status="offer")
    response = page.get(reverse("accounts:dashboard"))
    html = response.content.decode()
    assert "Applications per status" in html
    assert 'aria-label="Applications per status"' in html
    panel = next(
        p for p in response.context["panels"] if p["template"].startswith("job_tracker/applications")
    )
    counts = {row["label"]: row["count"] for row in panel["context"]["rows"]}
    assert counts["Applied"] == 2 and counts["Offer"] == 1 and panel["context"]["total"] == 3


# Session, user, board rows, the next interview of each card.
BOARD_QUERIES = 4


@pytest.mark.parametrize("rows", [1, 30])
def test_board_and_list_query_counts_do_not_grow(page, user, django_assert_max_num_queries, rows):
    resume = make_resume(user)
    for index in range(rows):
        JobApplicationFactory(
            user=user, resume_used=resume, status=["applied", "offer", "wishlist"][index % 3]
        )
    with django_assert_max_num_queries(BOARD_QUERIES):
        assert page.get(reverse("job_tracker:board")).status_code == 200
    # List page: session, user, count, page of rows.
    with django_assert_max_num_queries(4):
        assert page.get(reverse("job_tracker:applications")).status_code == 200
