"""File downloads shared by the API and the pages: content disposition, cached PDFs and DOCX files."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from . import export_filename
from .docx import CONTENT_TYPE as DOCX_CONTENT_TYPE
from .docx import cached_docx
from .onepage import TEMPLATE as ONEPAGE
from .pdf import cached_pdf, fitted_onepage


def file_response(body, *, content_type: str, filename: str, extra_headers=None) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    for key, value in (extra_headers or {}).items():
        response[key] = value
    return response


def _rendered_response(body, hit, resume, *, extension, content_type, template, paper) -> HttpResponse:
    headers = {"X-Cache-Status": "HIT" if hit else "MISS"}
    if template == ONEPAGE:
        # What the one-page template left out to fit, e.g. "entries:work:7, highlights:5" (empty: nothing).
        fit = fitted_onepage(resume.content, paper=paper, title=resume.title)
        headers["X-Resume-Left-Out"] = ", ".join(fit.codes)
    return file_response(
        body,
        content_type=content_type,
        filename=export_filename(resume, extension).replace(
            f"-resume.{extension}", f"-resume-{template}-{paper}.{extension}"
        ),
        extra_headers=headers,
    )


def pdf_response(resume, *, template: str, paper: str) -> HttpResponse:
    """The PDF as a download, from the cache when this content was rendered before.

    Raises ``UnknownOption`` for a template or paper the exporter does not know.
    """
    pdf, hit = cached_pdf(resume, template=template, paper=paper)
    return _rendered_response(
        pdf, hit, resume, extension="pdf", content_type="application/pdf", template=template, paper=paper
    )


def docx_response(resume, *, template: str, paper: str) -> HttpResponse:
    """The DOCX as a download, cached like the PDF; raises ``UnknownOption`` like it."""
    body, hit = cached_docx(resume, template=template, paper=paper)
    return _rendered_response(
        body, hit, resume, extension="docx", content_type=DOCX_CONTENT_TYPE, template=template, paper=paper
    )
