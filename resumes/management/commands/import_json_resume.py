"""Import a JSON Resume file for a user: a manual resume, achievements and skills."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.exceptions import ValidationError

from resumes.importers import import_json_resume


class Command(BaseCommand):
    help = "Import a JSON Resume 1.0.0 file for a user (nothing is written when it does not validate)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="Username of the owner.")
        parser.add_argument("--title", default="", help="Resume title (defaults to the name in the file).")

    def handle(self, *args, file, user, title, **options):
        owner = get_user_model().objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"No user named {user!r}.")
        try:
            document = json.loads(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror or exc}") from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{file} is not UTF-8 JSON: {exc}") from exc
        try:
            result = import_json_resume(user=owner, document=document, title=title or None)
        except ValidationError as exc:
            detail = exc.detail if isinstance(exc.detail, dict) else {"document": exc.detail}
            lines = [
                f"  {location}: {message}" for location, messages in detail.items() for message in messages
            ]
            raise CommandError(
                f"{file} is not a valid JSON Resume; nothing imported:\n" + "\n".join(lines)
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported resume {result.resume.pk} “{result.resume.title}” for {owner.username}: "
                f"{result.achievements} achievements, {result.skills} new skills."
            )
        )
