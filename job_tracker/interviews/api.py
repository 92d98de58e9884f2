"""Interviews of one application: /api/v1/applications/{application_pk}/interviews/."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets

from job_tracker.applications import selectors as application_selectors
from job_tracker.models import Interview

from . import selectors, services
from .serializers import InterviewSerializer

NOT_FOUND = OpenApiResponse(description="No such application or interview of yours.")
INVALID = OpenApiResponse(description="Invalid input (field errors); nothing written.")


@extend_schema_view(
    list=extend_schema(
        summary="An application's interviews, soonest first",
        responses={200: InterviewSerializer(many=True), 404: NOT_FOUND},
    ),
    create=extend_schema(
        summary="Schedule an interview", responses={201: InterviewSerializer, 400: INVALID, 404: NOT_FOUND}
    ),
    retrieve=extend_schema(responses={200: InterviewSerializer, 404: NOT_FOUND}),
    partial_update=extend_schema(
        summary="Change an interview (SEQUENCE goes up when anything changes)",
        responses={200: InterviewSerializer, 400: INVALID, 404: NOT_FOUND},
    ),
    destroy=extend_schema(responses={204: None, 404: NOT_FOUND}),
)
class InterviewViewSet(viewsets.ModelViewSet):
    serializer_class = InterviewSerializer
    filter_backends = []
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Another user's application is a 404 before any input is looked at (no 400 that leaks it).
        if not getattr(self, "swagger_fake_view", False):
            self.application()

    def application(self):
        if not hasattr(self, "_application"):
            self._application = application_selectors.application_get(
                user=self.request.user, pk=self.kwargs["application_pk"]
            )
        return self._application

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Interview.objects.none()
        return selectors.interview_list(application=self.application())

    def perform_create(self, serializer):
        serializer.instance = services.interview_create(
            application=self.application(), **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.interview_update(
            interview=serializer.instance, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.interview_delete(interview=instance)
