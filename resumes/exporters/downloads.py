"""File downloads shared by the API and the pages: content disposition, cached PDFs."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from . import export_filename
from .pdf import cached_pdf


def file_response(body, *, content_type: str, filename: str, extra_headers=None) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    for key, value in (extra_headers or {}).items():
        response[key] = value
    return response


def pdf_response(resume, *, template: str, paper: str) -> HttpResponse:
    """The PDF as a download, from the cache when this content was rendered before.

    Raises ``UnknownOption`` for a template or paper the exporter does not know.
    """
    pdf, hit = cached_pdf(resume, template=template, paper=paper)
    return file_response(
        pdf,
        content_type="application/pdf",
        filename=export_filename(resume, "pdf").replace("-resume.pdf", f"-resume-{template}-{paper}.pdf"),
        extra_headers={"X-Cache-Status": "HIT" if hit else "MISS"},
    )
