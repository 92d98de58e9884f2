"""Remove for good applications soft-deleted more than N days ago (their history goes too)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from job_tracker.applications import services


class Command(BaseCommand):
    help = "Delete for good applications that were soft-deleted more than --older-than DAYS ago."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, required=True, metavar="DAYS")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be removed.")

    def handle(self, *args, older_than, batch_size, dry_run, verbosity, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more days.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        age = timedelta(days=older_than)
        candidates = services.deleted_applications_to_purge(older_than=age).count()
        if dry_run:
            self.stdout.write(
                f"{candidates} application(s) deleted more than {older_than} day(s) ago would be purged."
            )
            return
        with tqdm(
            total=candidates, unit="app", disable=verbosity < 1 or not candidates, file=self.stderr
        ) as bar:
            removed = services.applications_purge_deleted(
                older_than=age, batch_size=batch_size, progress=bar.update
            )
        self.stdout.write(
            self.style.SUCCESS(f"Purged {removed} application(s) deleted more than {older_than} day(s) ago.")
        )
