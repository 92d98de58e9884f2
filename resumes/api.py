"""Thin viewsets: owner-scoped querysets from selectors, writes through services."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import selectors, services
from .filters import AchievementFilter, ResumeFilter, SkillFilter
from .models import Achievement, Resume, Skill
from .serializers import (
    AchievementSerializer,
    ResumeDuplicateSerializer,
    ResumeSerializer,
    SkillSerializer,
    VariantCreateSerializer,
)
from .variants import services as variant_services

VARIANT_ERRORS = {
    400: OpenApiResponse(
        description="Bad definition or overrides (unknown type or section, an id not among your "
        "achievements, an empty result): errors keyed by field, e.g. definition.types."
    ),
    404: OpenApiResponse(description="No such resume of yours."),
}


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


@extend_schema_view(
    destroy=extend_schema(
        responses={
            204: None,
            400: OpenApiResponse(
                description="The skill is still listed on an achievement: remove it there first."
            ),
        }
    )
)
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


@extend_schema_view(
    destroy=extend_schema(
        responses={
            204: None,
            400: OpenApiResponse(
                description="The auto resume cannot be deleted; it follows the achievements."
            ),
        }
    )
)
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
        resume, data = serializer.instance, serializer.validated_data
        if resume.is_variant:
            serializer.instance = variant_services.variant_update(variant=resume, **data)
        else:
            serializer.instance = services.resume_update(resume=resume, **data)

    def perform_destroy(self, instance):
        services.resume_delete(resume=instance)

    @extend_schema(
        methods=["get"],
        responses={200: ResumeSerializer(many=True), 404: VARIANT_ERRORS[404]},
        description="The variants of this (main) resume, newest change first.",
    )
    @extend_schema(
        methods=["post"],
        request=VariantCreateSerializer,
        responses={201: ResumeSerializer, **VARIANT_ERRORS},
        description="A new variant of your main resume: rebuilt with it from your achievements by its "
        "definition; answered built.",
    )
    @action(detail=True, methods=["get", "post"], filterset_class=None, search_fields=[], ordering_fields=[])
    def variants(self, request, pk=None):
        main = self.get_object()
        if request.method == "GET":
            page = self.paginate_queryset(selectors.variant_list(main=main))
            return self.get_paginated_response(ResumeSerializer(page, many=True).data)
        serializer = VariantCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        variant = variant_services.variant_create(main=main, **serializer.validated_data)
        return Response(ResumeSerializer(variant).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ResumeDuplicateSerializer, responses={201: ResumeSerializer})
    @action(detail=True, methods=["post"])
    def duplicate(self, request, pk=None):
        """Copy this resume (typically the auto one) into a manual resume to edit freely."""
        source = self.get_object()
        serializer = ResumeDuplicateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        copy = services.resume_duplicate(resume=source, title=serializer.validated_data.get("title", ""))
        return Response(ResumeSerializer(copy).data, status=status.HTTP_201_CREATED)
