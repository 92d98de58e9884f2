from django.core.management import call_command
from PIL import Image, ImageChops

from resumes.exporters.pdf import TEMPLATES
from resumes.management.commands.render_template_previews import PREVIEW_DIR


def test_every_template_has_a_current_preview_image(tmp_path):
    call_command("render_template_previews", "--out", str(tmp_path), verbosity=0)

    for template in TEMPLATES:
        committed = Image.open(PREVIEW_DIR / f"{template}.png")
        fresh = Image.open(tmp_path / f"{template}.png")
        assert committed.format == "PNG" and committed.size == (477, 674), template
        # Stale after a template change: python manage.py render_template_previews, then commit.
        assert ImageChops.difference(committed.convert("RGB"), fresh.convert("RGB")).getbbox() is None, (
            template
        )
