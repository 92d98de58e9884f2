"""API: export a resume as PDF / DOCX / JSON Resume / Markdown, and import a JSON Resume document.

Mounted before the resumes router (see the end of ``resumes/urls.py``) so
``resumes/import/`` is not taken for a resume id.
"""

from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from ..importers import import_json_resume
from ..models import Resume
from . import export_filename
from .docx import CONTENT_TYPE as DOCX_CONTENT_TYPE
from .downloads import docx_response, file_response, pdf_response
from .json_resume import to_json_resume
from .markdown import to_markdown
from .pdf import DEFAULT_PAPER, DEFAULT_TEMPLATE, PAPERS, TEMPLATES, UnknownOption

ERROR_RESPONSES = {
    400: OpenApiResponse(
        description="Unknown template or paper: field errors under errors.template / errors.paper."
    ),
    404: OpenApiResponse(description="No such resume of yours."),
}


class FirstRendererNegotiation(BaseContentNegotiation):
    """File responses ignore ``Accept``; errors are always JSON (the first renderer)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def user_resume(request, pk) -> Resume:
    """The requester's resume; anyone else's is a 404."""
    return get_object_or_404(Resume.objects.filter(user=request.user), pk=pk)


TEMPLATE_PARAMETERS = [
    OpenApiParameter("template", str, enum=list(TEMPLATES), description="Default: the resume's template."),
    OpenApiParameter("paper", str, enum=list(PAPERS), description="Default: the resume's own paper."),
]


class _RenderedExportView(APIView):
    """A rendered file (PDF, DOCX) of the requester's resume in a template and paper size."""

    content_negotiation_class = FirstRendererNegotiation
    throttle_classes = [UserRateThrottle, ScopedRateThrottle]
    throttle_scope = "resume_pdf"
    respond = None  # staticmethod(pdf_response) and the like

    def get(self, request, pk):
        resume = user_resume(request, pk)
        try:
            return self.respond(
                resume,
                template=request.query_params.get(
                    "template", resume.template if resume.template in TEMPLATES else DEFAULT_TEMPLATE
                ),
                paper=request.query_params.get(
                    "paper", resume.paper if resume.paper in PAPERS else DEFAULT_PAPER
                ),
            )
        except UnknownOption as exc:
            raise ValidationError(exc.args[0]) from exc


class ResumePDFView(_RenderedExportView):
    respond = staticmethod(pdf_response)

    @extend_schema(
        operation_id="resumes_pdf",
        parameters=TEMPLATE_PARAMETERS,
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **ERROR_RESPONSES},
        description="The resume as PDF; rendered once per version and template (`X-Cache-Status: HIT/MISS`).",
    )
    def get(self, request, pk):
        return super().get(request, pk)


class ResumeDOCXView(_RenderedExportView):
    respond = staticmethod(docx_response)

    @extend_schema(
        operation_id="resumes_docx",
        parameters=TEMPLATE_PARAMETERS,
        responses={(200, DOCX_CONTENT_TYPE): OpenApiTypes.BINARY, **ERROR_RESPONSES},
        description=(
            "The resume as a Word document in the template's styles (real headings and bullet lists, "
            "the PDF's content and order, headings and dates in the resume's language); cached like "
            "the PDF (`X-Cache-Status: HIT/MISS`)."
        ),
    )
    def get(self, request, pk):
        return super().get(request, pk)


class ResumeJSONResumeView(APIView):
    content_negotiation_class = FirstRendererNegotiation

    @extend_schema(
        operation_id="resumes_json_resume",
        responses={200: OpenApiTypes.OBJECT, 404: ERROR_RESPONSES[404]},
        description="The resume as a JSON Resume 1.0.0 document (validates against the official schema).",
    )
    def get(self, request, pk):
        resume = user_resume(request, pk)
        response = Response(to_json_resume(resume.content, last_modified=resume.updated_at))
        response["Content-Disposition"] = content_disposition_header(True, export_filename(resume, "json"))
        return response


class ResumeMarkdownView(APIView):
    content_negotiation_class = FirstRendererNegotiation

    @extend_schema(
        operation_id="resumes_markdown",
        responses={(200, "text/markdown"): OpenApiTypes.STR, 404: ERROR_RESPONSES[404]},
    )
    def get(self, request, pk):
        resume = user_resume(request, pk)
        return file_response(
            to_markdown(resume.content, fallback_name=resume.title),
            content_type="text/markdown; charset=utf-8",
            filename=export_filename(resume, "md"),
        )


ImportResultSerializer = inline_serializer(
    "JSONResumeImportResult",
    fields={
        "id": serializers.IntegerField(help_text="The new manual resume."),
        "title": serializers.CharField(),
        "achievements": serializers.IntegerField(help_text="Achievements created."),
        "skills": serializers.IntegerField(help_text="Skills added (existing ones are kept)."),
    },
)


class ResumeImportView(APIView):
    @extend_schema(
        operation_id="resumes_import",
        request=OpenApiTypes.OBJECT,
        responses={
            201: ImportResultSerializer,
            400: OpenApiResponse(description="Not a JSON Resume document: errors keyed by location."),
        },
        description=(
            "Import a JSON Resume 1.0.0 document: a manual resume, the achievements and skills it implies, "
            "and one rebuild of the auto resume. A document that fails the schema writes nothing."
        ),
    )
    def post(self, request):
        result = import_json_resume(user=request.user, document=request.data)
        body = {
            "id": result.resume.pk,
            "title": result.resume.title,
            "achievements": result.achievements,
            "skills": result.skills,
        }
        return Response(body, status=status.HTTP_201_CREATED)
