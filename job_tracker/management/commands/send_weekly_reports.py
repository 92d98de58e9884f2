from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from job_tracker.reports import services
from job_tracker.reports.metrics import compute_metrics
from job_tracker.reports.weeks import parse_week, previous_week_start


class Command(BaseCommand):
    help = "Compute the weekly reports (default: last completed week) and e-mail those not sent yet."

    def add_arguments(self, parser):
        parser.add_argument("--week", help="Monday of the week, YYYY-MM-DD (default: last week).")
        parser.add_argument("--user", help="Only this username.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the numbers; write nothing, send nothing."
        )
        parser.add_argument("--batch-size", type=int, default=services.BATCH_SIZE)

    def handle(self, *args, week=None, user=None, dry_run=False, batch_size=services.BATCH_SIZE, **options):
        try:
            week_start = parse_week(week) if week else previous_week_start()
        except ValueError as exc:
            raise CommandError(f"--week: {exc}") from exc
        users = services.report_users()
        if user:
            users = users.filter(username__iexact=user)
            if not users.exists():
                raise CommandError(f"No active user named {user!r}.")

        if dry_run:
            for user_ids in services.user_id_batches(users, batch_size):
                batch = list(services.report_users().filter(pk__in=user_ids))
                metrics = compute_metrics(users=batch, week_start=week_start)
                for someone in batch:
                    numbers = services.report_fields(metrics[someone.pk])
                    self.stdout.write(
                        f"{someone.username}: sent {numbers['applications_sent']}, "
                        f"responses {numbers['responses']}, interviews {numbers['interviews']}, "
                        f"offers {numbers['offers']}, matched postings {numbers['postings_matched']}"
                    )
                    for tip in numbers["recommendations"]:
                        self.stdout.write(f"  - {tip}")
            self.stdout.write(self.style.WARNING("Dry run: nothing saved, nothing sent."))
            return

        total = services.RunSummary()
        with tqdm(total=users.count(), unit="user", disable=None, file=self.stderr) as progress:
            for user_ids in services.user_id_batches(users, batch_size):
                batch = list(services.report_users().filter(pk__in=user_ids))
                total.add(services.run_weekly_reports(users=batch, week_start=week_start))
                progress.update(len(user_ids))
        self.stdout.write(
            self.style.SUCCESS(
                f"Week of {week_start:%Y-%m-%d}: {total.generated} reports, {total.emailed} e-mailed, "
                f"{total.already_emailed} already sent, {total.opted_out} opted out, "
                f"{len(total.failed)} failed."
            )
        )
        if total.failed:
            raise CommandError(f"E-mail failed for user ids {total.failed}; run again to retry just those.")
