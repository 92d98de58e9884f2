"""Jobs API: scraped postings with full-text search and match scores, recommendations, track."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from job_tracker.applications.serializers import ApplicationSerializer
from job_tracker.models import JobPosting
from resumes.models import Resume

from . import selectors
from .alerts.selectors import saved_search_get
from .filters import JobPostingFilter
from .gaps import gap_report
from .matching import build_profile
from .semantic.ranking import blended_recommendations
from .serializers import GapReportSerializer, JobPostingSerializer, SkillGapsQuery
from .services import posting_track

RECOMMENDATIONS_MAX = 100


class RecommendationsQuery(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=RECOMMENDATIONS_MAX, default=20)
    resume = serializers.IntegerField(
        required=False, help_text="Compare with this resume (a variant) instead of the auto resume."
    )


class JobPostingViewSet(viewsets.ReadOnlyModelViewSet):
    """Postings scraped from job boards, each with the caller's match score.

    ``?q=`` searches title, company and description (ranked full-text search on
    PostgreSQL); only active postings unless ``?active=false``.
    """

    serializer_class = JobPostingSerializer
    filterset_class = JobPostingFilter
    ordering_fields = ["published_at", "first_seen_at", "title", "company_name"]
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return selectors.posting_list()

    def filter_queryset(self, queryset):
        # Filters narrow the list; a posting's own page answers even once it left its board.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.request is not None and self.request.user.is_authenticated:
            context["profile"] = build_profile(user=self.request.user)
        return context

    @extend_schema(
        parameters=[RecommendationsQuery],
        responses={200: JobPostingSerializer(many=True)},
        description=(
            "Active postings ranked for the caller: the skill score of the top candidates blended with the "
            "similarity of meaning between the resume and each posting; `match_reason` says why."
        ),
    )
    @action(detail=False, methods=["get"], filterset_class=None, pagination_class=None)
    def recommendations(self, request):
        query = RecommendationsQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        resume = None
        if "resume" in query.validated_data:
            resume = Resume.objects.filter(user=request.user, pk=query.validated_data["resume"]).first()
            if resume is None:
                raise serializers.ValidationError({"resume": ["Resume not found."]})
        ranked = blended_recommendations(
            user=request.user, limit=query.validated_data["limit"], resume=resume
        )
        context = {**super().get_serializer_context(), "matches": {p.pk: m for p, m in ranked}}
        return Response(JobPostingSerializer([p for p, _ in ranked], many=True, context=context).data)

    @extend_schema(
        request=None,
        responses={
            201: OpenApiResponse(ApplicationSerializer, description="Wishlist application created."),
            200: OpenApiResponse(ApplicationSerializer, description="Already tracked: the existing one."),
        },
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def track(self, request, pk=None):
        # Any posting can be tracked, including one that has left its board.
        posting = get_object_or_404(JobPosting.objects.select_related("source"), pk=pk)
        application, created = posting_track(user=request.user, posting=posting)
        return Response(
            ApplicationSerializer(application, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class SkillGapsView(APIView):
    """Skills the caller lacks for a target role, and the roles they are closest to."""

    @extend_schema(
        parameters=[SkillGapsQuery],
        responses={
            200: GapReportSerializer,
            400: OpenApiResponse(description="Neither or both of search and title, or a bad value."),
            404: OpenApiResponse(description="Saved search not found (or another user's)."),
        },
    )
    def get(self, request):
        query = SkillGapsQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        search_id = query.validated_data.get("search")
        saved_search = saved_search_get(user=request.user, pk=search_id) if search_id else None
        report = gap_report(
            user=request.user, saved_search=saved_search, title=query.validated_data.get("title", "")
        )
        return Response(GapReportSerializer(report).data)
