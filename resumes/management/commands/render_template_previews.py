"""Draw each template's preview image from the sample resume: the thumbnails on the export page.

Run after changing a template (or ``resumes/exporters/sample.py``) and commit
the images: ``python manage.py render_template_previews``. The images are the
first page of the real PDF, rasterised with PDFium.
"""

from pathlib import Path

import pypdfium2
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from resumes.exporters.pdf import TEMPLATES, render_pdf
from resumes.exporters.sample import SAMPLE_RESUME

PREVIEW_DIR = Path(__file__).resolve().parents[2] / "static" / "resumes" / "previews"
# An A4 page is 595 points wide; 0.4 scale gives a 238 px thumbnail, drawn at 2x for sharp screens.
SCALE = 0.8


def render_preview(template: str, out: Path) -> Path:
    pdf = pypdfium2.PdfDocument(render_pdf(SAMPLE_RESUME, template=template, paper="a4"))
    try:
        image = pdf[0].render(scale=SCALE).to_pil().convert("RGB")
    finally:
        pdf.close()
    # A palette of 64 colours keeps each image small without visible banding on text.
    path = out / f"{template}.png"
    image.quantize(colors=64).save(path, format="PNG", optimize=True)
    return path


class Command(BaseCommand):
    help = "Render the template preview images (PNG) shown on the export page from the sample resume."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, default=PREVIEW_DIR, help=f"Folder (default {PREVIEW_DIR}).")
        parser.add_argument("--template", choices=list(TEMPLATES), help="Only this template.")

    def handle(self, *args, out, template, **options):
        if not out.is_dir():
            raise CommandError(f"No such folder: {out}")
        templates = [template] if template else list(TEMPLATES)
        for name in tqdm(templates, desc="previews", unit="template", disable=options["verbosity"] < 1):
            path = render_preview(name, out)
            self.stdout.write(f"{name}: {path} ({path.stat().st_size:,} bytes)")
