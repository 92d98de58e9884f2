from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from resumate.exceptions import ApplicationError

from . import selectors, services
from .authentication import NotWithPersonalToken
from .models import PersonalAccessToken
from .serializers import CreatedTokenSerializer, TokenInputSerializer, TokenSerializer

ERROR = OpenApiResponse(description="Error: `{detail, code, errors?}`.")


class TokenListCreateView(generics.ListAPIView):
    """Personal access tokens: list (secrets never shown again) and create (the key shown once)."""

    serializer_class = TokenSerializer
    permission_classes = [IsAuthenticated, NotWithPersonalToken]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular reading the schema
            return PersonalAccessToken.objects.none()
        return selectors.tokens_for_user(user=self.request.user)

    @extend_schema(
        request=TokenInputSerializer,
        responses={201: CreatedTokenSerializer, 400: ERROR, 401: ERROR, 403: ERROR},
        description="Create a token. Use it as `Authorization: Bearer rmt_…`; a `read` token gets 403 on "
        "every request that writes.",
    )
    def post(self, request):
        serializer = TokenInputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        try:
            token, raw = services.token_create(user=request.user, **serializer.to_service_kwargs())
        except services.TokenLimitReached:
            raise ApplicationError(
                gettext("At most %(n)s live tokens; revoke one first.") % {"n": services.MAX_TOKENS_PER_USER},
                "token_limit",
            ) from None
        token.token = raw
        return Response(CreatedTokenSerializer(token).data, status=status.HTTP_201_CREATED)


class TokenDestroyView(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, NotWithPersonalToken]
    serializer_class = TokenSerializer

    @extend_schema(responses={204: OpenApiResponse(description="Revoked."), 401: ERROR, 404: ERROR})
    def delete(self, request, pk):
        token = selectors.tokens_for_user(user=request.user).filter(pk=pk, revoked_at__isnull=True).first()
        if token is None:
            raise NotFound
        services.token_revoke(token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)
