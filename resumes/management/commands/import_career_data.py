"""Import a career file (PDF, DOCX, LinkedIn ZIP, JSON Resume, Reactive Resume, tracker CSV) for a user."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.exceptions import ValidationError
from tqdm import tqdm

from resumate.exceptions import ApplicationError
from resumes.importing import services


class _DryRun(Exception):
    """Raised to roll the draft back after showing it."""


class Command(BaseCommand):
    help = (
        "Parse FILE (kind detected from its content), then confirm every entry for --user: duplicates merge, "
        "the resume rebuilds once. --dry-run shows what would be imported and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="Username of the owner.")
        parser.add_argument("--kind", default=None, help="Skip detection (e.g. tracker_csv).")
        parser.add_argument("--dry-run", action="store_true", help="Parse and show; write nothing.")

    def handle(self, *args, file, user, kind, dry_run, **options):
        owner = get_user_model().objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"No user named {user!r}.")
        progress = tqdm(
            total=3, desc="import", unit="step", disable=options["verbosity"] < 1, file=self.stderr
        )
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror or exc}") from exc
        progress.update(1)
        try:
            with transaction.atomic():
                draft = services.draft_create(user=owner, data=data, kind=kind, filename=file.name)
                progress.set_description("parsed")
                progress.update(1)
                self._show(draft)
                if dry_run:
                    raise _DryRun
                draft = services.draft_confirm(import_draft=draft)
                progress.update(1)
        except _DryRun:
            progress.close()
            self.stdout.write("Dry run: nothing was written.")
            return
        except ApplicationError as exc:
            raise CommandError(f"{file}: {exc.detail}") from exc
        except ValidationError as exc:
            detail = exc.detail if isinstance(exc.detail, dict) else {"file": exc.detail}
            lines = [f"  {key}: {message}" for key, messages in detail.items() for message in messages]
            raise CommandError(f"{file}: nothing imported:\n" + "\n".join(lines)) from exc
        progress.close()
        result = draft.result
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {file.name} ({draft.kind}) for {owner.username}: "
                f"{len(result['created'])} created, "
                f"{len(result['merged'])} merged"
                + (f", {len(result['skills'])} new skills" if "skills" in result else "")
                + "."
            )
        )

    def _show(self, draft):
        entries = draft.draft.get("achievements") or draft.draft.get("applications") or []
        self.stdout.write(f"{draft.kind}: {len(entries)} entries")
        for entry in entries:
            title = entry.get("title") or entry.get("job_title", "")
            org = entry.get("organization") or entry.get("company_name", "")
            when = entry.get("start_date") or entry.get("date_applied") or ""
            duplicate = " (duplicate: merges)" if entry.get("duplicate_of") else ""
            self.stdout.write(f"  - {title} · {org} {when}{duplicate}")
        for warning in draft.warnings:
            self.stdout.write(self.style.WARNING(f"  ! {warning}"))
