import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from resumes.services import rebuild_resume


class Command(BaseCommand):
    help = "Rebuild auto resumes from achievements: every user's, or one user's with --user."

    def add_arguments(self, parser):
        parser.add_argument("--user", metavar="USERNAME", help="Only this user (case-insensitive).")

    def handle(self, *args, user=None, verbosity=1, **options):
        users = get_user_model().objects.order_by("pk")
        if user:
            users = users.filter(username__iexact=user)
            if not users.exists():
                raise CommandError(f'No user "{user}".')
        total = users.count()
        achievements = skills = 0
        for account in tqdm(
            users.iterator(chunk_size=200), total=total, unit="user", disable=verbosity < 1, file=sys.stderr
        ):
            statistics = rebuild_resume(user=account).content["meta"]["statistics"]
            achievements += statistics["achievements"]
            skills += statistics["skills"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Rebuilt {total} auto resume(s) from {achievements} achievement(s) and {skills} skill(s)."
            )
        )
