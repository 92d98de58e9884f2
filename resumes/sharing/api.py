"""API: share links of a resume, revoking them, and the public profile under auth/me/."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from resumes.models import Resume

from . import selectors, services
from .serializers import (
    PublicProfileSerializer,
    ShareLinkCreateSerializer,
    ShareLinkDetailSerializer,
    ShareLinkSerializer,
)

NOT_YOURS = OpenApiResponse(description="No such resume or link of yours.")


class ResumeShareLinksView(generics.ListAPIView):
    """Share links of one of your resumes, newest first, with their counts."""

    serializer_class = ShareLinkSerializer
    filter_backends = []  # newest first, paginated; nothing to filter on

    def _resume(self) -> Resume:
        return get_object_or_404(Resume.objects.filter(user=self.request.user), pk=self.kwargs["pk"])

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Resume.objects.none()
        return selectors.share_links_for_resume(resume=self._resume())

    @extend_schema(
        operation_id="resumes_share_links_list",
        responses={200: ShareLinkSerializer(many=True), 404: NOT_YOURS},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="resumes_share_links_create",
        request=ShareLinkCreateSerializer,
        responses={
            201: ShareLinkSerializer,
            400: OpenApiResponse(description="Expiry in the past, or a password under 4 characters."),
            404: NOT_YOURS,
        },
        description="A new secret link to this resume (read-only page and PDF download at the `url`).",
    )
    def post(self, request, pk):
        resume = self._resume()
        serializer = ShareLinkCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        link, token = services.share_link_create(resume=resume, **serializer.validated_data)
        link = selectors.share_links_for_resume(resume=resume).get(pk=link.pk)
        body = ShareLinkSerializer(link, context={"request": request, "token": token}).data
        return Response(body, status=status.HTTP_201_CREATED)


class ShareLinkDetailView(APIView):
    def _link(self, request, pk):
        return get_object_or_404(selectors.share_links_for_user(user=request.user), pk=pk)

    @extend_schema(
        operation_id="share_links_retrieve", responses={200: ShareLinkDetailSerializer, 404: NOT_YOURS}
    )
    def get(self, request, pk):
        link = self._link(request, pk)
        context = {"request": request, "daily": selectors.daily_counts(link=link)}
        return Response(ShareLinkDetailSerializer(link, context=context).data)

    @extend_schema(
        operation_id="share_links_revoke",
        responses={
            204: OpenApiResponse(description="Revoked; the page answers 404 at once."),
            404: NOT_YOURS,
        },
    )
    def delete(self, request, pk):
        services.share_link_revoke(link=self._link(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class PublicProfileView(APIView):
    @extend_schema(operation_id="auth_me_public_profile_retrieve", responses={200: PublicProfileSerializer})
    def get(self, request):
        profile = selectors.public_profile_of(user=request.user)
        return Response(PublicProfileSerializer(profile, context={"request": request}).data)

    @extend_schema(
        operation_id="auth_me_public_profile_partial_update",
        request=PublicProfileSerializer,
        responses={
            200: PublicProfileSerializer,
            400: OpenApiResponse(description="Bad or taken slug, unknown section, another user's resume."),
        },
        description=(
            "Publish (or unpublish) your page at /p/<slug>/. Off by default; "
            "e-mail, phone and location appear only when switched on."
        ),
    )
    def patch(self, request):
        serializer = PublicProfileSerializer(data=request.data, partial=True, context={"request": request})
        serializer.is_valid(raise_exception=True)
        profile = services.public_profile_update(user=request.user, **serializer.validated_data)
        return Response(PublicProfileSerializer(profile, context={"request": request}).data)
