from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from job_tracker.models import WeeklyReport

from . import selectors
from .filters import WeeklyReportFilter
from .outcomes import outcomes_for_user
from .serializers import OutcomesQuerySerializer, OutcomesSerializer, WeeklyReportSerializer


class WeeklyReportListView(generics.ListAPIView):
    """The signed-in user's weekly reports, newest week first."""

    serializer_class = WeeklyReportSerializer
    filterset_class = WeeklyReportFilter
    search_fields = ()
    ordering_fields = ("week_start",)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return WeeklyReport.objects.none()
        return selectors.reports_for_user(user=self.request.user)


class LatestWeeklyReportView(generics.GenericAPIView):
    """The most recent weekly report; 404 before the first one."""

    serializer_class = WeeklyReportSerializer
    pagination_class = None
    filter_backends = ()

    @extend_schema(
        responses={200: WeeklyReportSerializer, 404: OpenApiResponse(description="No weekly report yet.")}
    )
    def get(self, request):
        report = selectors.latest_report(user=request.user)
        if report is None:
            raise NotFound("No weekly report yet: the first arrives on Monday.")
        return Response(self.get_serializer(report).data)


class OutcomesView(generics.GenericAPIView):
    """Which resume works: outcomes of sent applications per resume, source, match band and weekday."""

    serializer_class = OutcomesSerializer
    pagination_class = None
    filter_backends = ()

    @extend_schema(
        parameters=[OutcomesQuerySerializer],
        responses={
            200: OutcomesSerializer,
            400: OpenApiResponse(description="Bad from / to (field errors)."),
        },
    )
    def get(self, request):
        query = OutcomesQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        result = outcomes_for_user(
            user=request.user,
            date_from=query.validated_data.get("from"),
            date_to=query.validated_data.get("to"),
        )
        return Response(OutcomesSerializer(result).data)
