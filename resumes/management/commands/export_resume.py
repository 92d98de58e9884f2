"""Export a resume to a file as PDF, DOCX, JSON Resume or Markdown."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resumes.exporters.docx import cached_docx
from resumes.exporters.json_resume import to_json_resume
from resumes.exporters.markdown import to_markdown
from resumes.exporters.pdf import DEFAULT_PAPER, DEFAULT_TEMPLATE, PAPERS, TEMPLATES, cached_pdf
from resumes.models import Resume


class Command(BaseCommand):
    help = "Export a resume as pdf, docx (Word), json (JSON Resume 1.0.0) or md (Markdown)."

    def add_arguments(self, parser):
        parser.add_argument("resume_id", type=int)
        parser.add_argument("--format", required=True, choices=["pdf", "docx", "json", "md"])
        parser.add_argument(
            "--out", required=True, type=Path, help="File to write ('-' for standard output)."
        )
        parser.add_argument("--template", default=DEFAULT_TEMPLATE, choices=list(TEMPLATES))
        parser.add_argument("--paper", default=DEFAULT_PAPER, choices=list(PAPERS))

    def handle(self, *args, resume_id, format, out, template, paper, **options):
        resume = Resume.objects.filter(pk=resume_id).first()
        if resume is None:
            raise CommandError(f"No resume with id {resume_id}.")
        if format == "pdf":
            body, _ = cached_pdf(resume, template=template, paper=paper)
        elif format == "docx":
            body, _ = cached_docx(resume, template=template, paper=paper)
        elif format == "json":
            document = to_json_resume(resume.content, last_modified=resume.updated_at)
            body = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
        else:
            body = to_markdown(resume.content, fallback_name=resume.title).encode()
        if str(out) == "-":
            if format in ("pdf", "docx"):
                raise CommandError(f"Write a {format.upper()} to a file, not to standard output.")
            self.stdout.write(body.decode(), ending="")
            return
        try:
            out.write_bytes(body)
        except OSError as exc:
            raise CommandError(f"Cannot write {out}: {exc.strerror or exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote resume {resume.pk} “{resume.title}” as {format} to {out} ({len(body):,} bytes)."
            )
        )
