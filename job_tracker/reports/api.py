from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from job_tracker.models import WeeklyReport

from . import selectors
from .filters import WeeklyReportFilter
from .serializers import WeeklyReportSerializer


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

    @extend_schema(responses=WeeklyReportSerializer)
    def get(self, request):
        report = selectors.latest_report(user=request.user)
        if report is None:
            raise NotFound("No weekly report yet: the first arrives on Monday.")
        return Response(self.get_serializer(report).data)
