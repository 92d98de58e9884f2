"""Saved searches API: list, create, read, delete (owner-scoped: another user's search is a 404)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from job_tracker.models import SavedSearch

from . import selectors
from .serializers import SavedSearchSerializer
from .services import saved_search_create, saved_search_delete

NOT_FOUND = OpenApiResponse(description="Not found (or another user's search).")


@extend_schema_view(
    list=extend_schema(description="The caller's saved searches, newest first."),
    retrieve=extend_schema(responses={200: SavedSearchSerializer, 404: NOT_FOUND}),
    create=extend_schema(
        description=(
            "Save a job board search; new postings matching it are e-mailed (instant, daily or weekly)."
        ),
        responses={201: SavedSearchSerializer, 400: OpenApiResponse(description="Field errors.")},
    ),
    destroy=extend_schema(responses={204: OpenApiResponse(description="Deleted."), 404: NOT_FOUND}),
)
class SavedSearchViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = SavedSearchSerializer
    lookup_value_regex = r"\d+"
    filterset_class = None
    ordering_fields = []

    queryset = SavedSearch.objects.none()  # for the schema; requests read through the selector

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return selectors.saved_search_list(user=self.request.user)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        search = saved_search_create(user=request.user, **serializer.validated_data)
        search = selectors.saved_search_get(user=request.user, pk=search.pk)
        return Response(self.get_serializer(search).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        saved_search_delete(saved_search=instance)
