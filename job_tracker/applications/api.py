"""Applications API: owner-scoped CRUD with soft delete, restore, history and public examples."""

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from job_tracker.models import JobApplication

from . import selectors, services, tracker_csv
from .filters import ApplicationFilter
from .serializers import ApplicationEventSerializer, ApplicationSerializer, ExampleApplicationSerializer

# Enough for a showcase; the cached payload stays small.
EXAMPLES_LIMIT = 100


class ApplicationViewSet(viewsets.ModelViewSet):
    """The signed-in user's applications. DELETE is soft; ``restore`` undoes it."""

    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilter
    search_fields = ["job_title", "company_name", "notes"]
    ordering_fields = ["date_applied", "created_at", "updated_at", "company_name", "job_title", "status"]
    ordering = ["-updated_at", "-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return JobApplication.objects.none()
        user = self.request.user
        if self.action == "restore":
            return selectors.application_any_state_list(user=user)
        return selectors.application_list(user=user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        note = data.pop("status_note", "")
        serializer.instance = services.application_create(user=self.request.user, note=note, **data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        note = data.pop("status_note", "")
        serializer.instance = services.application_update(application=serializer.instance, note=note, **data)

    def perform_destroy(self, instance):
        services.application_soft_delete(application=instance)

    @extend_schema(request=None, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def restore(self, request, pk=None):
        application = services.application_restore(application=self.get_object())
        return Response(ApplicationSerializer(application, context=self.get_serializer_context()).data)

    @extend_schema(responses=ApplicationEventSerializer(many=True))
    @action(detail=True, methods=["get"], filter_backends=[], serializer_class=ApplicationEventSerializer)
    def events(self, request, pk=None):
        events = selectors.application_events(application=self.get_object())
        page = self.paginate_queryset(events)
        return self.get_paginated_response(ApplicationEventSerializer(page, many=True).data)


class ExampleApplicationListView(generics.ListAPIView):
    """Public example applications, cached for an hour; ``X-Cache-Status`` says HIT or MISS."""

    serializer_class = ExampleApplicationSerializer
    permission_classes = [AllowAny]
    authentication_classes = []
    filter_backends = []

    def get_queryset(self):
        return selectors.example_application_list()

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "X-Cache-Status",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                response=True,
                enum=["HIT", "MISS"],
                description="Whether the list came from the cache.",
            )
        ]
    )
    def get(self, request, *args, **kwargs):
        rows = cache.get(services.EXAMPLES_CACHE_KEY)
        cache_status = "HIT"
        if rows is None:
            cache_status = "MISS"
            rows = list(self.get_serializer(self.get_queryset()[:EXAMPLES_LIMIT], many=True).data)
            cache.set(services.EXAMPLES_CACHE_KEY, rows, services.EXAMPLES_CACHE_SECONDS)
        response = self.get_paginated_response(self.paginate_queryset(rows))
        response["X-Cache-Status"] = cache_status
        return response


class ApplicationExportView(APIView):
    """Every live application as CSV (columns documented in ``tracker_csv``); importable again."""

    @extend_schema(
        operation_id="applications_export_csv",
        responses={(200, "text/csv"): OpenApiTypes.STR},
        description=(
            "UTF-8 CSV, one row per application: company, job_title, status, date_applied, location, url, "
            "salary, notes, created_at, last_status_change. Upload it to /api/v1/imports/ to import it back."
        ),
    )
    def get(self, request):
        response = HttpResponse(
            tracker_csv.export_csv(user=request.user), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = content_disposition_header(True, "applications.csv")
        return response
