"""Thin viewsets: owner-scoped querysets from selectors, writes through services."""

from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import selectors, services
from .filters import AchievementFilter, ResumeFilter, SkillFilter
from .models import Achievement, Resume, Skill
from .serializers import AchievementSerializer, ResumeDuplicateSerializer, ResumeSerializer, SkillSerializer


class _OwnedViewSet(viewsets.ModelViewSet):
    """Another user's row is simply not in the queryset, so every method answers 404."""

    model = None
    # Numeric ids only, so sibling routes such as resumes/import/ or achievements/stats/ resolve.
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.select(user=self.request.user)


class AchievementViewSet(_OwnedViewSet):
    model = Achievement
    serializer_class = AchievementSerializer
    filterset_class = AchievementFilter
    search_fields = ["title", "organization", "description", "location"]
    ordering_fields = ["start_date", "end_date", "title", "created_at"]
    select = staticmethod(selectors.achievement_list)

    def perform_create(self, serializer):
        serializer.instance = services.achievement_create(user=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.achievement_update(
            achievement=serializer.instance, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.achievement_delete(achievement=instance)


class SkillViewSet(_OwnedViewSet):
    model = Skill
    serializer_class = SkillSerializer
    filterset_class = SkillFilter
    search_fields = ["name"]
    ordering_fields = ["name", "category", "proficiency", "last_used"]
    select = staticmethod(selectors.skill_list)

    def perform_create(self, serializer):
        serializer.instance = services.skill_create(user=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.skill_update(skill=serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance):
        services.skill_delete(skill=instance)


class ResumeViewSet(_OwnedViewSet):
    model = Resume
    serializer_class = ResumeSerializer
    filterset_class = ResumeFilter
    search_fields = ["title"]
    ordering_fields = ["title", "updated_at", "created_at"]
    select = staticmethod(selectors.resume_list)

    def perform_create(self, serializer):
        serializer.instance = services.resume_create(user=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.resume_update(resume=serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance):
        services.resume_delete(resume=instance)

    @extend_schema(request=ResumeDuplicateSerializer, responses={201: ResumeSerializer})
    @action(detail=True, methods=["post"])
    def duplicate(self, request, pk=None):
        """Copy this resume (typically the auto one) into a manual resume to edit freely."""
        source = self.get_object()
        serializer = ResumeDuplicateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        copy = services.resume_duplicate(resume=source, title=serializer.validated_data.get("title", ""))
        return Response(ResumeSerializer(copy).data, status=status.HTTP_201_CREATED)
