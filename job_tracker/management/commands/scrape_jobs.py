"""Scrape job boards now: the same code the 4-hourly schedule runs."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from job_tracker.jobs.services import (
    STATUS_FAILED,
    STATUS_SKIPPED,
    min_interval,
    source_is_due,
    source_scrape,
)
from job_tracker.jobs.tasks import scrape_source
from job_tracker.models import JobSource

COUNTS = ("fetched", "created", "updated", "deactivated", "skipped")


class Command(BaseCommand):
    help = (
        "Scrape active job sources (those due by their minimum interval). --source ID scrapes one "
        "source regardless of its interval; --force ignores intervals for all; --sync runs here "
        "instead of queueing Celery tasks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", type=int, help="Only this JobSource id (ignores its minimum interval)."
        )
        parser.add_argument("--sync", action="store_true", help="Run in this process, not on the worker.")
        parser.add_argument("--force", action="store_true", help="Ignore minimum intervals.")

    def handle(self, *args, source=None, sync=False, force=False, **options):
        if source is not None:
            sources = list(JobSource.objects.filter(pk=source))
            if not sources:
                raise CommandError(f"No job source with id {source}.")
            force = True
        else:
            sources = list(JobSource.objects.filter(is_active=True).order_by("pk"))
        if not sources:
            self.stdout.write("No active job sources.")
            return

        if not sync:
            for item in sources:
                scrape_source.delay(item.pk, force=force)
            self.stdout.write(self.style.SUCCESS(f"Queued {len(sources)} source(s) for the worker."))
            return

        totals = dict.fromkeys(COUNTS, 0)
        failures = 0
        lines = []
        with tqdm(sources, desc="Scraping", unit="source", file=self.stderr) as progress:
            for item in progress:
                progress.set_postfix_str(str(item)[:40])
                if not force and not source_is_due(item):
                    due = item.last_run_at + min_interval(item)
                    lines.append(
                        (f"#{item.pk} {item}: skipped (not due until {due:%Y-%m-%d %H:%M} UTC)", None)
                    )
                    continue
                summary = source_scrape(source=item, force=force)
                if summary.status == STATUS_FAILED:
                    failures += 1
                    lines.append(
                        (f"#{item.pk} {item}: failed: {'; '.join(summary.errors)}", self.style.ERROR)
                    )
                    continue
                if summary.status == STATUS_SKIPPED:
                    lines.append((f"#{item.pk} {item}: skipped (a scrape of it is already running)", None))
                    continue
                for key in COUNTS:
                    totals[key] += getattr(summary, key)
                counts = ", ".join(f"{key} {getattr(summary, key)}" for key in COUNTS)
                lines.append((f"#{item.pk} {item}: ok: {counts}", None))

        for text, style in lines:
            self.stdout.write(style(text) if style else text)
        counts = ", ".join(f"{key} {value}" for key, value in totals.items())
        summary_line = f"Total: {len(sources)} sources, {counts}, errors {failures}"
        self.stdout.write(self.style.WARNING(summary_line) if failures else self.style.SUCCESS(summary_line))
