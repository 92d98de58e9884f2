"""Admin, management command, demo data, account export / erasure and the account's first resume."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.helpers import erase_after_grace
from resumes.models import Achievement, Resume, Skill
from resumes.tests.factories import AchievementFactory, ResumeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    return client


def test_a_new_account_gets_its_auto_resume_on_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user = UserFactory(first_name="Zoë", last_name="Novák")
    resume = Resume.objects.get(user=user, is_auto=True)
    assert resume.content["basics"]["name"] == "Zoë Novák"


def test_admin_lists_search_and_filter(staff_client, user):
    AchievementFactory(user=user, title="Žluťoučký kůň")
    ResumeFactory(user=user)
    for path in ("/admin/resumes/achievement/", "/admin/resumes/skill/", "/admin/resumes/resume/"):
        assert staff_client.get(path).status_code == 200
    found = staff_client.get("/admin/resumes/achievement/?q=kůň&type__exact=job&is_verified__exact=0")
    assert "Žluťoučký kůň" in found.content.decode()


def test_admin_mark_verified_rebuilds_each_owner_once(staff_client, user, other_user, commit):
    rows = [AchievementFactory(user=user), AchievementFactory(user=user), AchievementFactory(user=other_user)]
    response = commit(
        staff_client.post,
        "/admin/resumes/achievement/",
        {"action": "mark_verified", "_selected_action": [a.pk for a in rows]},
    )
    assert response.status_code == 302
    assert Achievement.objects.filter(is_verified=True).count() == 3
    assert Resume.objects.get(user=user, is_auto=True).content["meta"]["statistics"]["verified"] == 2
    assert Resume.objects.get(user=other_user, is_auto=True).content["meta"]["statistics"]["verified"] == 1


def test_admin_rebuild_action(staff_client, user):
    resume = ResumeFactory(user=user, is_auto=True, content={})
    AchievementFactory(user=user, title="Rebuilt by staff")
    response = staff_client.post(
        "/admin/resumes/resume/", {"action": "rebuild_resumes", "_selected_action": [resume.pk]}
    )
    assert response.status_code == 302
    resume.refresh_from_db()
    assert resume.content["work"][0]["position"] == "Rebuilt by staff"


def test_rebuild_resumes_command_for_everyone_and_for_one_user(user, other_user):
    AchievementFactory(user=user, skills=["Python"])
    AchievementFactory(user=other_user, skills=["Go"])
    out = StringIO()
    call_command("rebuild_resumes", stdout=out, stderr=StringIO())
    assert "Rebuilt 2 auto resume(s) from 2 achievement(s) and 2 skill(s)." in out.getvalue()
    assert Resume.objects.filter(is_auto=True).count() == 2

    out = StringIO()
    call_command("rebuild_resumes", "--user", user.username.upper(), stdout=out, stderr=StringIO())
    assert "Rebuilt 1 auto resume(s)" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("rebuild_resumes", "--user", "nobody", stdout=StringIO(), stderr=StringIO())


def test_seed_demo_adds_varied_achievements_once(commit):
    commit(call_command, "seed_demo", stdout=StringIO())
    commit(call_command, "seed_demo", stdout=StringIO())
    demo = User.objects.get(username="demo")
    # Typed ones only: the demo integrations add achievements of their own.
    rows = Achievement.objects.filter(user=demo, source_integration__isnull=True)
    assert rows.count() == 10
    assert rows.values("type").distinct().count() == 9
    assert rows.filter(end_date__isnull=True, start_date__isnull=False).count() >= 2
    assert rows.filter(organization="České vysoké učení technické").exists()
    resume = Resume.objects.get(user=demo, is_auto=True)
    assert resume.content["languages"][0]["language"] == "Czech"
    assert resume.content["basics"]["name"] == "Zoë Novák"
    assert Skill.objects.filter(user=demo, name="Kubernetes", category="cloud_devops").exists()


def test_export_and_erasure_cover_achievements_skills_and_resumes(api_client, user, commit):
    commit(api_client.post, "/api/v1/achievements/", {"type": "job", "title": "Dev", "skills": ["Go"]})
    export = api_client.get("/api/v1/auth/me/export/").json()
    assert export["resumes.achievement"][0]["title"] == "Dev"
    assert export["resumes.skill"][0]["name"] == "Go"
    assert export["resumes.resume"][0]["is_auto"] is True

    # Deleting deactivates (202, with the password); the daily task erases after the grace period.
    response = commit(api_client.delete, "/api/v1/auth/me/", {"password": PASSWORD})
    assert response.status_code == 202
    assert Achievement.objects.exists()
    erase_after_grace(user)
    assert not Achievement.objects.exists() and not Skill.objects.exists() and not Resume.objects.exists()


def test_admin_form_applies_the_same_rules(staff_client, user):
    data = {
        "user": user.pk,
        "type": "job",
        "title": "Dev",
        "organization": "",
        "location": "",
        "start_date": "2024-01-01",
        "end_date": "2023-01-01",
        "description": "",
        "skills": '["js", "JavaScript"]',
        "highlights": "[]",
        "url": "",
    }
    response = staff_client.post("/admin/resumes/achievement/add/", data)
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.content.decode()
    assert not Achievement.objects.exists()
    response = staff_client.post("/admin/resumes/achievement/add/", {**data, "end_date": ""})
    assert response.status_code == 302
    assert Achievement.objects.get().skills == ["JavaScript"]


def test_editing_a_verified_achievement_withdraws_verification(api_client, user):
    achievement = AchievementFactory(user=user, is_verified=True)
    api_client.patch(f"/api/v1/achievements/{achievement.pk}/", {"title": achievement.title})
    achievement.refresh_from_db()
    assert achievement.is_verified  # nothing changed
    api_client.patch(f"/api/v1/achievements/{achievement.pk}/", {"title": "Chief everything"})
    achievement.refresh_from_db()
    assert not achievement.is_verified
