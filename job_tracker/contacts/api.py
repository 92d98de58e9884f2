"""Contacts API (owner-scoped CRUD) and company records (read, update)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from job_tracker.models import Company, Contact

from . import selectors, services
from .serializers import CompanySerializer, ContactSerializer

NOT_FOUND = OpenApiResponse(description="No such row of yours.")
INVALID = OpenApiResponse(
    description="Invalid input (field errors, another user's application id); nothing written."
)


@extend_schema_view(
    create=extend_schema(responses={201: ContactSerializer, 400: INVALID}),
    retrieve=extend_schema(responses={200: ContactSerializer, 404: NOT_FOUND}),
    update=extend_schema(responses={200: ContactSerializer, 400: INVALID, 404: NOT_FOUND}),
    partial_update=extend_schema(responses={200: ContactSerializer, 400: INVALID, 404: NOT_FOUND}),
    destroy=extend_schema(responses={204: None, 404: NOT_FOUND}),
)
class ContactViewSet(viewsets.ModelViewSet):
    """The signed-in user's contacts, linked to their applications and interviews."""

    serializer_class = ContactSerializer
    search_fields = ["name", "company", "role", "email"]
    ordering_fields = ["name", "company", "created_at", "updated_at"]
    ordering = ["name", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Contact.objects.none()
        return selectors.contact_list(user=self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.contact_create(user=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.contact_update(
            contact=serializer.instance, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.contact_delete(contact=instance)


@extend_schema_view(
    retrieve=extend_schema(responses={200: CompanySerializer, 404: NOT_FOUND}),
    update=extend_schema(responses={200: CompanySerializer, 400: INVALID, 404: NOT_FOUND}),
    partial_update=extend_schema(responses={200: CompanySerializer, 400: INVALID, 404: NOT_FOUND}),
)
class CompanyViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet
):
    """One record per employer the user applied to (made with the first application); notes editable."""

    serializer_class = CompanySerializer
    search_fields = ["name", "notes"]
    ordering_fields = ["name", "created_at"]
    ordering = ["name", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Company.objects.none()
        return selectors.company_list(user=self.request.user)

    def perform_update(self, serializer):
        serializer.instance = services.company_update(
            company=serializer.instance, **serializer.validated_data
        )
