"""The files a shared or public page offers, rendered from what that page may show.

One table of formats: the DOCX exporter joins ``DOWNLOADS`` with its renderer
when it lands, and every shared and public page offers it from then on.
"""

from django.http import Http404

from resumes.exporters.downloads import pdf_response
from resumes.exporters.pdf import DEFAULT_PAPER, DEFAULT_TEMPLATE, PAPERS, TEMPLATES
from resumes.models import Resume


def _pdf(resume: Resume, paper: str):
    template = resume.template if resume.template in TEMPLATES else DEFAULT_TEMPLATE
    return pdf_response(resume, template=template, paper=paper)


# format -> (button label, renderer taking the visible resume and the paper)
DOWNLOADS = {"pdf": ("PDF", _pdf)}


def download_choices() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _) in DOWNLOADS.items()]


def download_response(resume: Resume, *, content: dict, fmt: str, paper: str = DEFAULT_PAPER):
    """``resume`` as a file of ``fmt``, with ``content`` (already filtered) instead of its own."""
    if fmt not in DOWNLOADS:
        raise Http404("No such format.")
    # An unsaved stand-in: exporters read title, template and content; nothing is written.
    shown = Resume(user_id=resume.user_id, title=resume.title, template=resume.template, content=content)
    return DOWNLOADS[fmt][1](shown, paper if paper in PAPERS else DEFAULT_PAPER)
