"""The files a shared or public page offers, rendered from what that page may show.

One table of formats (``DOWNLOADS``): a format added there is offered by every
shared and public page, counted like the others.
"""

from django.http import Http404

from resumes.exporters.downloads import docx_response, pdf_response
from resumes.exporters.pdf import DEFAULT_PAPER, DEFAULT_TEMPLATE, PAPERS, TEMPLATES
from resumes.models import Resume


def _template(resume: Resume) -> str:
    return resume.template if resume.template in TEMPLATES else DEFAULT_TEMPLATE


def _pdf(resume: Resume, paper: str):
    return pdf_response(resume, template=_template(resume), paper=paper)


def _docx(resume: Resume, paper: str):
    return docx_response(resume, template=_template(resume), paper=paper)


# format -> (button label, renderer taking the visible resume and the paper)
DOWNLOADS = {"pdf": ("PDF", _pdf), "docx": ("Word (DOCX)", _docx)}


def download_choices() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _) in DOWNLOADS.items()]


def download_response(resume: Resume, *, content: dict, fmt: str, paper: str = DEFAULT_PAPER):
    """``resume`` as a file of ``fmt``, with ``content`` (already filtered) instead of its own."""
    if fmt not in DOWNLOADS:
        raise Http404("No such format.")
    # An unsaved stand-in: exporters read title, template and content; nothing is written.
    shown = Resume(user_id=resume.user_id, title=resume.title, template=resume.template, content=content)
    return DOWNLOADS[fmt][1](shown, paper if paper in PAPERS else DEFAULT_PAPER)
