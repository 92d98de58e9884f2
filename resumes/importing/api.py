"""``/api/v1/imports/``: upload a file -> a draft to review -> edit -> confirm."""

import json

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from ..exporters.pdf import DEFAULT_PAPER, PAPERS, TEMPLATES, UnknownOption
from ..models import Resume
from . import selectors, services
from .ats import resume_ats_report
from .serializers import (
    ImportConfirmSerializer,
    ImportDraftSerializer,
    ImportEditSerializer,
    ImportUploadSerializer,
)

ERRORS = {
    400: OpenApiResponse(
        description="Unreadable file (encrypted PDF, no text layer, ZIP bomb, macros, bad CSV row)."
    ),
    404: OpenApiResponse(description="No such draft of yours (or it expired)."),
    413: OpenApiResponse(description="The file is over the upload limit."),
    415: OpenApiResponse(description="Not a PDF, DOCX, ZIP, JSON or CSV file."),
    422: OpenApiResponse(description="Nothing usable in the file (e.g. an empty document)."),
}


def own_draft(request, pk):
    draft = selectors.draft_get(user=request.user, pk=pk)
    if draft is None:
        raise Http404
    return draft


class ImportListView(APIView):
    parser_classes = [MultiPartParser, JSONParser]
    throttle_classes = [UserRateThrottle, ScopedRateThrottle]
    throttle_scope = "imports"

    @extend_schema(
        operation_id="imports_create",
        parameters=[OpenApiParameter("kind", str, description="With a JSON body: skip detection.")],
        request={"multipart/form-data": ImportUploadSerializer, "application/json": OpenApiTypes.OBJECT},
        responses={201: ImportDraftSerializer, **{k: v for k, v in ERRORS.items() if k != 404}},
        description=(
            "Parse a file into a draft to review; nothing is written to achievements yet. The kind is "
            "detected from the content (magic bytes and structure), not the file name. A JSON body is "
            "read as JSON Resume or Reactive Resume."
        ),
    )
    def post(self, request):
        if request.content_type.startswith("multipart/"):
            serializer = ImportUploadSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            upload = serializer.validated_data["file"]
            services_kwargs = {
                # One byte past the limit is enough to recognise an oversize file.
                "data": upload.read(settings.IMPORT_MAX_UPLOAD_BYTES + 1),
                "kind": serializer.validated_data.get("kind") or None,
                "filename": upload.name or "",
            }
        else:
            services_kwargs = {
                "data": json.dumps(request.data, ensure_ascii=False).encode(),
                "kind": request.query_params.get("kind") or None,
            }
        draft = services.draft_create(user=request.user, **services_kwargs)
        return Response(ImportDraftSerializer(draft).data, status=status.HTTP_201_CREATED)


class ImportDetailView(APIView):
    @extend_schema(operation_id="imports_retrieve", responses={200: ImportDraftSerializer, 404: ERRORS[404]})
    def get(self, request, pk):
        return Response(ImportDraftSerializer(own_draft(request, pk)).data)

    @extend_schema(
        operation_id="imports_partial_update",
        request=ImportEditSerializer,
        responses={
            200: ImportDraftSerializer,
            400: OpenApiResponse(description="Field errors keyed by entry (achievements.2.start_date)."),
            404: ERRORS[404],
            409: OpenApiResponse(description="Already confirmed."),
        },
    )
    def patch(self, request, pk):
        import_draft = own_draft(request, pk)  # another user's draft is a 404 before its input is checked
        serializer = ImportEditSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        draft = services.draft_update(import_draft=import_draft, draft=serializer.validated_data["draft"])
        return Response(ImportDraftSerializer(draft).data)


class ImportConfirmView(APIView):
    @extend_schema(
        operation_id="imports_confirm",
        request=ImportConfirmSerializer,
        responses={
            200: ImportDraftSerializer,
            400: OpenApiResponse(
                description="An entry index outside the draft, or an entry that fails validation."
            ),
            404: ERRORS[404],
        },
        description=(
            "Write the draft's entries (all, or `entries`) in one transaction; duplicates of existing "
            "rows are merged; `result` lists created and merged ids. A second confirm changes nothing."
        ),
    )
    def post(self, request, pk):
        serializer = ImportConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        draft = services.draft_confirm(
            import_draft=own_draft(request, pk), entries=serializer.validated_data.get("entries")
        )
        return Response(ImportDraftSerializer(draft).data)


class ResumeATSCheckView(APIView):
    throttle_classes = [UserRateThrottle, ScopedRateThrottle]
    throttle_scope = "resume_pdf"

    @extend_schema(
        operation_id="resumes_ats_check",
        parameters=[
            OpenApiParameter("template", str, enum=list(TEMPLATES), default="ats"),
            OpenApiParameter("paper", str, enum=list(PAPERS), default=DEFAULT_PAPER),
        ],
        responses={
            200: OpenApiTypes.OBJECT,
            400: OpenApiResponse(description="Unknown template or paper."),
            404: OpenApiResponse(description="No such resume of yours."),
        },
        description=(
            "Rule-based ATS checks of the content (`rules`: rule, title, passed, detail, fix) and the "
            "self-test (`readbacks`, one per file: PDF then DOCX): each rendered file parsed by our own "
            "importer and compared with the source; `clean` true or `lost` listing exactly what a parser "
            "missed. `readback` repeats the PDF's."
        ),
    )
    def get(self, request, pk):
        resume = get_object_or_404(Resume.objects.filter(user=request.user), pk=pk)
        template = request.query_params.get("template", "ats")
        paper = request.query_params.get("paper", DEFAULT_PAPER)
        try:
            return Response(resume_ats_report(resume, template=template, paper=paper))
        except UnknownOption as exc:
            raise ValidationError(exc.args[0]) from exc
