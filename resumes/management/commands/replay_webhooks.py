"""Process stored webhook deliveries again, e.g. after fixing a mapping or an outage."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from resumes.integrations import services
from resumes.integrations.models import DeliveryStatus, Integration, WebhookLog


class Command(BaseCommand):
    help = (
        "Replay stored webhook deliveries through the normal processing (idempotent: an achievement "
        "is updated, never duplicated). Ignored deliveries are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--integration", type=int, help="Only this integration's deliveries (its id).")
        parser.add_argument("--failed", action="store_true", help="Only deliveries whose processing failed.")

    def handle(self, *args, integration=None, failed=False, **options):
        logs = WebhookLog.objects.exclude(status=DeliveryStatus.IGNORED).filter(is_test=False)
        if integration is not None:
            if not Integration.objects.filter(pk=integration).exists():
                raise CommandError(f"No integration with id {integration}.")
            logs = logs.filter(integration_id=integration)
        if failed:
            logs = logs.filter(status=DeliveryStatus.FAILED)
        # Oldest first, so later events win as they did originally.
        ids = list(logs.order_by("received_at", "id").values_list("id", flat=True))

        outcomes = Counter()
        for log_id in tqdm(
            ids, desc="Replaying deliveries", unit="delivery", disable=not ids, file=self.stderr
        ):
            log = WebhookLog.objects.filter(pk=log_id).first()
            if log is None:
                continue
            result = services.delivery_reprocess(log=log)
            outcomes[result.status if result else "gone"] += 1

        summary = (
            ", ".join(f"{count} {status}" for status, count in sorted(outcomes.items())) or "nothing to do"
        )
        self.stdout.write(self.style.SUCCESS(f"Replayed {len(ids)} deliveries: {summary}."))
