"""Write ``resumes/data/resume-template.docx`` from ``resumes/exporters/docx_template.py``."""

from pathlib import Path

from django.core.management.base import BaseCommand

from resumes.exporters.docx_template import TEMPLATE_PATH, build_template


class Command(BaseCommand):
    help = "Rebuild the Word template (styles and bullet numbering) every DOCX export starts from."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, default=TEMPLATE_PATH, help=f"Default: {TEMPLATE_PATH}.")

    def handle(self, *args, out, **options):
        body = build_template()
        out.write_bytes(body)
        self.stdout.write(self.style.SUCCESS(f"Wrote the DOCX template to {out} ({len(body):,} bytes)."))
