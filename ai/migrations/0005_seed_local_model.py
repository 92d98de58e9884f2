"""The "Local" model: your own OpenAI-compatible server (Ollama by default), seeded inactive.

Inactive because most installations have no such server: an active model
pointing at a port nobody listens on would be offered to every user and cost
each request a failed connection before the fallback answers. An admin sets
the base URL and model name, presses "Test this model", then activates it.
"""

from django.db import migrations

LOCAL = {
    "display_name": "Local",
    "model_name": "llama3.2",
    "api_provider": "openai",
    "api_key_name": "",
    "base_url": "http://127.0.0.1:11434/v1",
    "supports_response_format": True,
    "is_active": False,
    "login_required": False,
    "daily_limit": 0,
    "response_time_info": "Depends on your hardware",
    "description": "Your own model on an OpenAI-compatible server (Ollama, LM Studio, llama.cpp, vLLM, "
    "LocalAI). Nothing leaves your network.",
}


def seed(apps, schema_editor):
    AIModel = apps.get_model("ai", "AIModel")
    offline = AIModel.objects.filter(display_name="Offline").first()
    AIModel.objects.get_or_create(display_name=LOCAL["display_name"], defaults={**LOCAL, "fallback": offline})


def unseed(apps, schema_editor):
    apps.get_model("ai", "AIModel").objects.filter(display_name=LOCAL["display_name"]).delete()


class Migration(migrations.Migration):
    dependencies = [("ai", "0004_openai_compatible_provider")]

    operations = [migrations.RunPython(seed, unseed)]
