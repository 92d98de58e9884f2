"""Create demo log-ins, then let every app add its demo data.

An app adds demo data by providing ``<app>/demo.py`` with
``seed(*, staff, demo, stdout)``; each must be idempotent.
"""

from importlib import import_module

from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from accounts.models import User

STAFF = {"username": "admin", "email": "admin@example.com", "password": "resumate-admin"}
DEMO = {"username": "demo", "email": "demo@example.com", "password": "resumate-demo"}


def _ensure_user(username, email, password, **flags):
    user, created = User.objects.get_or_create(username=username, defaults={"email": email, **flags})
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    # Demo addresses count as confirmed, so the log-ins work with ACCOUNT_EMAIL_VERIFICATION=mandatory.
    EmailAddress.objects.get_or_create(
        user=user, email=user.email.lower(), defaults={"verified": True, "primary": True}
    )
    return user, created


class Command(BaseCommand):
    help = "Create a staff superuser and a demo user (idempotent), then each app's demo data."

    @transaction.atomic
    def handle(self, *args, **options):
        staff, _ = _ensure_user(**STAFF, is_staff=True, is_superuser=True)
        demo, _ = _ensure_user(
            **DEMO, first_name="Zoë", last_name="Novák", headline="Backend developer", location="Praha"
        )
        for config in apps.get_app_configs():
            if module_has_submodule(config.module, "demo"):
                import_module(f"{config.name}.demo").seed(staff=staff, demo=demo, stdout=self.stdout)

        self.stdout.write(self.style.SUCCESS("Demo data ready. Log in at http://127.0.0.1:8000/login/"))
        self.stdout.write(f"  staff: {STAFF['username']} / {STAFF['password']}  (admin at /admin/)")
        self.stdout.write(f"  demo:  {DEMO['username']} / {DEMO['password']}")
