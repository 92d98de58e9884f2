"""The three models every installation starts with; admins edit them afterwards."""

from django.db import migrations

MODELS = [
    {
        "display_name": "Offline",
        "model_name": "resumate-rules-1",
        "api_provider": "offline",
        "api_key_name": "",
        "login_required": False,
        "daily_limit": 0,
        "response_time_info": "Instant",
        "description": "Rule-based writer working only from your own achievements and skills. No network, no key.",
    },
    {
        "display_name": "Gemini",
        "model_name": "gemini-2.5-flash",
        "api_provider": "google",
        "api_key_name": "GEMINI_API_KEY",
        "login_required": True,
        "daily_limit": 5,
        "response_time_info": "3-10 s",
        "description": "Google Gemini 2.5 Flash. Requires logging in; 5 requests a day.",
    },
    {
        "display_name": "DeepSeek",
        "model_name": "deepseek/deepseek-chat",
        "api_provider": "openrouter",
        "api_key_name": "OPENROUTER_API_KEY",
        "login_required": False,
        "daily_limit": 20,
        "response_time_info": "5-20 s",
        "description": "DeepSeek V3 through OpenRouter. Open to everyone; 20 requests a day.",
    },
]


def seed(apps, schema_editor):
    AIModel = apps.get_model("ai", "AIModel")
    for fields in MODELS:
        AIModel.objects.get_or_create(display_name=fields["display_name"], defaults=fields)
    offline = AIModel.objects.get(display_name="Offline")
    # Remote models fall back to the offline writer so a user always gets an answer.
    AIModel.objects.filter(display_name__in=["Gemini", "DeepSeek"], fallback__isnull=True).update(fallback=offline)


def unseed(apps, schema_editor):
    AIModel = apps.get_model("ai", "AIModel")
    AIModel.objects.filter(display_name__in=[m["display_name"] for m in MODELS]).delete()


class Migration(migrations.Migration):
    dependencies = [("ai", "0001_models")]

    operations = [migrations.RunPython(seed, unseed)]
