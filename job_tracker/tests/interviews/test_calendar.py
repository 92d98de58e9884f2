"""The ICS feed and downloads, parsed back with icalendar and recurring-ical-events (a calendar's view)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from django.test import Client
from icalendar import Calendar

from job_tracker.interviews import services
from job_tracker.models import Contact, InterviewKind
from job_tracker.tests.factories import JobApplicationFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def page(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def interviews(user):
    application = JobApplicationFactory(user=user, job_title="Data engineer", company_name="Ørsted")
    contact = Contact.objects.create(user=user, name="Ada Recruiter")
    video = services.interview_create(
        application=application,
        kind=InterviewKind.VIDEO,
        starts_at=datetime(2026, 3, 30, 10, 0),
        ends_at=datetime(2026, 3, 30, 11, 0),
        time_zone="Europe/Berlin",
        link="https://meet.example.com/abc",
        contacts=[contact],
    )
    take_home = services.interview_create(
        application=application,
        kind=InterviewKind.TAKE_HOME,
        starts_at=datetime(2026, 4, 10, 23, 30),
        time_zone="America/Los_Angeles",
    )
    return video, take_home


def feed_url(page):
    page.post("/tracker/settings/calendar/rotate/")
    html = page.get("/tracker/settings/").content.decode()
    start = html.index("/calendar/")
    return html[start : html.index(".ics", start) + 4]


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_feed_parses_back_with_every_interview(page, interviews):
    video, take_home = interviews
    calendar = parse(Client().get(feed_url(page)))  # no session: the token is the credential
    found = events(calendar)
    assert set(found) == {f"{video.uid}@resumate", f"{take_home.uid}@resumate"}
    event = found[f"{video.uid}@resumate"]
    assert event["SUMMARY"] == "Video: Data engineer at Ørsted"
    assert event.decoded("DTSTART") == datetime(2026, 3, 30, 10, 0, tzinfo=BERLIN)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert int(event["SEQUENCE"]) == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "Ada Recruiter" in str(event["DESCRIPTION"])
    # Each zone a time refers to has its VTIMEZONE, with the real offsets around the DST change;
    # the all-day take-home's DATE values refer to none.
    zones = {str(tz["TZID"]): tz for tz in calendar.walk("VTIMEZONE")}
    assert set(zones) == {"Europe/Berlin"}
    offsets = {str(sub.name): sub.decoded("TZOFFSETTO") for sub in zones["Europe/Berlin"].subcomponents}
    assert offsets == {"STANDARD": timedelta(hours=1), "DAYLIGHT": timedelta(hours=2)}
    # The take-home is an all-day event on its local due date (23:30 in LA is already the 11th in UTC).
    due = found[f"{take_home.uid}@resumate"]
    assert due.decoded("DTSTART") == date(2026, 4, 10)
    assert due.decoded("DTEND") == date(2026, 4, 11)
    assert due["DTSTART"].params.get("VALUE") == "DATE"


def test_a_calendar_parser_sees_single_events(page, interviews):
    calendar = parse(Client().get(feed_url(page)))
    assert not any("RRULE" in e for e in calendar.walk("VEVENT"))
    spring = recurring_ical_events.of(calendar).between(date(2026, 3, 1), date(2026, 5, 1))
    assert sorted(str(e["SUMMARY"]) for e in spring) == [
        "Take-home due: Data engineer at Ørsted",
        "Video: Data engineer at Ørsted",
    ]
    on_the_day = recurring_ical_events.of(calendar).at(date(2026, 4, 10))
    assert [str(e["SUMMARY"]) for e in on_the_day] == ["Take-home due: Data engineer at Ørsted"]


def test_same_uids_after_edits_and_cancellation(page, interviews):
    video, take_home = interviews
    url = feed_url(page)
    before = events(parse(Client().get(url)))
    services.interview_update(
        interview=video, starts_at=datetime(2026, 3, 31, 14, 0), ends_at=datetime(2026, 3, 31, 15, 0)
    )
    services.interview_cancel(interview=take_home)
    after = events(parse(Client().get(url)))
    assert set(after) == set(before)
    moved = after[f"{video.uid}@resumate"]
    assert moved.decoded("DTSTART") == datetime(2026, 3, 31, 14, 0, tzinfo=BERLIN)
    assert int(moved["SEQUENCE"]) == 1
    cancelled = after[f"{take_home.uid}@resumate"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == 1


def test_revoked_and_rotated_addresses_stop_working(page, interviews):
    first = feed_url(page)
    second = feed_url(page)  # rotate again
    assert first != second
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200
    page.post("/tracker/settings/calendar/revoke/")
    assert Client().get(second).status_code == 404
    assert Client().get("/calendar/guess/interviews.ics").status_code == 404


def test_feed_holds_only_the_owners_live_interviews(page, interviews, other_user):
    foreign = JobApplicationFactory(user=other_user)
    services.interview_create(
        application=foreign, kind="phone",
        starts_at=datetime(2026, 3, 30, 9), ends_at=datetime(2026, 3, 30, 9, 30),
        time_zone="UTC",
    )  # fmt: skip
    url = feed_url(page)
    assert len(events(parse(Client().get(url)))) == 2
    interviews[0].application.is_deleted = True
    interviews[0].application.save()
    assert len(events(parse(Client().get(url)))) == 0


def test_one_interview_download_is_owner_only(page, interviews, other_user):
    video, _ = interviews
    response = page.get(f"/interviews/{video.pk}/interview.ics")
    assert "attachment" in response["Content-Disposition"]
    assert list(events(parse(response))) == [f"{video.uid}@resumate"]
    stranger = Client()
    stranger.force_login(other_user)
    assert stranger.get(f"/interviews/{video.pk}/interview.ics").status_code == 404
    assert Client().get(f"/interviews/{video.pk}/interview.ics").status_code == 302  # to log-in


def test_feed_query_count_does_not_grow(page, user, django_assert_max_num_queries):
    url = feed_url(page)
    application = JobApplicationFactory(user=user)
    contact = Contact.objects.create(user=user, name="Ada")
    for day in range(1, 30):
        services.interview_create(
            application=application, kind="phone", starts_at=datetime(2026, 5, day, 9),
            ends_at=datetime(2026, 5, day, 10), time_zone="Asia/Tokyo", contacts=[contact],
        )  # fmt: skip
    # token -> user, interviews with their application, their contacts.
    with django_assert_max_num_queries(3):
        assert Client().get(url).status_code == 200
