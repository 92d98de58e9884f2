"""The accounts settings an operator changes come from the environment, with the documented defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAMES = [
    "ACCOUNT_EMAIL_VERIFICATION",
    "STAFF_REQUIRE_MFA",
    "CORS_ALLOWED_ORIGINS",
    "ACCOUNT_DELETION_GRACE_DAYS",
]


def settings_from(env):
    probe = (
        "import django, json; django.setup(); from django.conf import settings;"
        f"print(json.dumps({{name: getattr(settings, name) for name in {NAMES!r}}}))"
    )
    base = {k: v for k, v in os.environ.items() if k not in NAMES}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "resumate.settings", "DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_defaults_optional_verification_no_staff_rule_no_origins_thirty_days():
    assert settings_from({}) == {
        "ACCOUNT_EMAIL_VERIFICATION": "optional",
        "STAFF_REQUIRE_MFA": False,
        "CORS_ALLOWED_ORIGINS": [],
        "ACCOUNT_DELETION_GRACE_DAYS": 30,
    }


@pytest.mark.slow
def test_each_is_read_from_the_environment():
    env = {
        "ACCOUNT_EMAIL_VERIFICATION": "mandatory",
        "STAFF_REQUIRE_MFA": "1",
        "CORS_ALLOWED_ORIGINS": "https://app.example.org,https://admin.example.org",
        "ACCOUNT_DELETION_GRACE_DAYS": "7",
    }
    assert settings_from(env) == {
        "ACCOUNT_EMAIL_VERIFICATION": "mandatory",
        "STAFF_REQUIRE_MFA": True,
        "CORS_ALLOWED_ORIGINS": ["https://app.example.org", "https://admin.example.org"],
        "ACCOUNT_DELETION_GRACE_DAYS": 7,
    }
