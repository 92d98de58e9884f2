import pytest

from ai.models import AIModel, AIRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "pw-not-used-1")
    client.force_login(admin)
    return client


def test_request_log_shows_daily_totals_and_filters(staff_client, user):
    offline = AIModel.objects.get(display_name="Offline")
    for status, tokens in [("success", 100), ("cached", 0), ("error", 0)]:
        AIRequest.objects.create(
            user=user,
            model=offline,
            model_display_name="Offline",
            feature="tailor",
            status=status,
            prompt_tokens=tokens,
            completion_tokens=tokens // 2,
        )
    page = staff_client.get("/admin/ai/airequest/").content.decode()
    assert "Daily totals" in page
    row = page.split("Daily totals")[1].split("</tr>")[1]
    assert [cell.split("</td>")[0] for cell in row.split("<td>")[2:]] == ["3", "1", "1", "100", "50"]
    filtered = staff_client.get("/admin/ai/airequest/?status__exact=error").content.decode()
    assert filtered.split("Daily totals")[1].split("</tr>")[1].count("<td>1</td>") == 2


def test_model_admin_lists_and_deactivates(staff_client):
    page = staff_client.get("/admin/ai/aimodel/").content.decode()
    assert "DeepSeek" in page and "Gemini" in page
    gemini = AIModel.objects.get(display_name="Gemini")
    staff_client.post("/admin/ai/aimodel/", {"action": "deactivate", "_selected_action": [gemini.pk]})
    gemini.refresh_from_db()
    assert gemini.is_active is False


def test_demo_seed_is_idempotent(user):
    import io

    from ai import demo
    from resumes.models import Resume

    out = io.StringIO()
    demo.seed(staff=None, demo=user, stdout=out)
    demo.seed(staff=None, demo=user, stdout=out)
    assert Resume.objects.filter(user=user, title=demo.TITLE).count() == 1
    assert AIRequest.objects.filter(user=user, status="success").count() == 2
    assert "already present" in out.getvalue()
