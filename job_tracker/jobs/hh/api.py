"""hh.ru in the API: the caller's hh resumes, and "Apply via hh.ru" on a hh.ru posting.

The same services as the apply page: only this POST, the caller's explicit
request with the resume and letter they chose, sends an application.
"""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from job_tracker.applications.serializers import ApplicationSerializer
from job_tracker.jobs import selectors
from job_tracker.models import JobSourceKind

from . import services
from .serializers import HHApplyInput, HHResumeSerializer

NOT_CONNECTED = OpenApiResponse(
    description="hh.ru is not connected, or its connection expired (`hh_not_connected`)."
)
NOT_CONFIGURED = OpenApiResponse(description="hh.ru applying is not set up on this installation.")


class HHResumeListView(APIView):
    """The caller's resumes on hh.ru, to pick one to apply with."""

    @extend_schema(
        responses={
            200: HHResumeSerializer(many=True),
            409: NOT_CONNECTED,
            502: OpenApiResponse(description="hh.ru could not be reached."),
        }
    )
    def get(self, request):
        return Response(HHResumeSerializer(services.hh_resumes(user=request.user), many=True).data)


class HHApplyView(APIView):
    """Apply to a hh.ru posting through hh's negotiations API and track it as applied."""

    @extend_schema(
        request=HHApplyInput,
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
        responses={
            201: OpenApiResponse(
                ApplicationSerializer, description="Sent; the tracked application (applied)."
            ),
            400: OpenApiResponse(description="Field errors, or the posting is not from hh.ru."),
            404: OpenApiResponse(description="No such posting."),
            409: OpenApiResponse(
                description="hh.ru refused (`already_applied`, `test_required`, `vacancy_archived`, ...) "
                "or is not connected (`hh_not_connected`)."
            ),
            429: OpenApiResponse(
                description="At most `HH_APPLICATIONS_PER_HOUR` an hour; see `Retry-After`."
            ),
            503: NOT_CONFIGURED,
        },
    )
    def post(self, request, pk):
        posting = selectors.posting_get(pk=pk)
        if posting.source.kind != JobSourceKind.HH:
            raise services.NotAnHHPosting()
        if not services.is_configured():
            raise services.HHNotConfigured()
        data = HHApplyInput(data=request.data, context={"resumes": services.hh_resumes(user=request.user)})
        data.is_valid(raise_exception=True)
        application = services.hh_apply(user=request.user, posting=posting, **data.validated_data)
        return Response(
            ApplicationSerializer(application, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )
