"""Integrations API, the public webhook endpoint and achievement statistics."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from resumate.metrics import WEBHOOK_DELIVERIES
from resumate.network import client_ip, client_network

from . import selectors, services
from .models import DeliveryStatus, Integration
from .serializers import (
    AchievementStatsSerializer,
    HookAnswerSerializer,
    IntegrationCreateSerializer,
    IntegrationSerializer,
    IntegrationWithSecretSerializer,
    WebhookLogSerializer,
)
from .stats import achievement_stats


class WebhookLogFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=DeliveryStatus.choices)
    event_type = django_filters.CharFilter()


class IntegrationViewSet(viewsets.ModelViewSet):
    """Connected platforms. The secret appears only in the create and rotate-secret responses."""

    queryset = Integration.objects.none()  # for the schema; requests use get_queryset()
    serializer_class = IntegrationSerializer
    filterset_fields = ["platform", "is_active"]
    search_fields = ["name"]
    ordering_fields = ["created_at", "last_event_at", "name"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Integration.objects.none()
        return selectors.integrations_for(user=self.request.user)

    def get_serializer_class(self):
        if self.action == "create":
            return IntegrationCreateSerializer
        if self.action == "logs":
            return WebhookLogSerializer
        return IntegrationSerializer

    def _with_secret(self, integration, secret):
        integration.secret = secret
        return IntegrationWithSecretSerializer(integration, context=self.get_serializer_context()).data

    @extend_schema(request=IntegrationCreateSerializer, responses={201: IntegrationWithSecretSerializer})
    def create(self, request, *args, **kwargs):
        serializer = IntegrationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        integration, secret = services.integration_create(user=request.user, **serializer.validated_data)
        return Response(self._with_secret(integration, secret), status=status.HTTP_201_CREATED)

    def perform_update(self, serializer):
        serializer.instance = services.integration_update(
            integration=serializer.instance, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.integration_delete(integration=instance)

    @extend_schema(request=None, responses={200: IntegrationWithSecretSerializer})
    @action(detail=True, methods=["post"], url_path="rotate-secret")
    def rotate_secret(self, request, pk=None):
        integration = self.get_object()
        secret = services.integration_rotate_secret(integration=integration)
        return Response(self._with_secret(integration, secret))

    @extend_schema(request=None, responses={202: HookAnswerSerializer})
    @action(detail=True, methods=["post"], url_path="test-event")
    def test_event(self, request, pk=None):
        accepted = services.send_test_event(integration=self.get_object())
        return Response(
            {"status": accepted.outcome, "delivery_id": accepted.delivery_id}, status=status.HTTP_202_ACCEPTED
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("status", enum=DeliveryStatus.values),
            OpenApiParameter("event_type", str),
        ],
        responses={200: WebhookLogSerializer(many=True)},
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def logs(self, request, pk=None):
        """Deliveries of this integration, newest first."""
        queryset = selectors.logs_for(integration=self.get_object())
        filterset = WebhookLogFilter(request.query_params, queryset=queryset)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        page = self.paginate_queryset(filterset.qs)
        return self.get_paginated_response(WebhookLogSerializer(page, many=True).data)


class HookThrottle(SimpleRateThrottle):
    """Per hook: a misbehaving sender cannot flood the log table or the worker.

    Only deliveries with a valid signature spend it (``record`` after acceptance), so
    someone without the secret cannot use up a hook's budget; they meet the per-client
    limit on refused deliveries first.
    """

    scope = "webhooks"
    rate = "600/minute"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": str(view.kwargs.get("hook_id"))}

    def has_budget(self, request, view) -> bool:
        self.key = self.get_cache_key(request, view)
        self.history = self.cache.get(self.key, [])
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()
        return len(self.history) < self.num_requests

    def record(self) -> None:
        self.throttle_success()


def _client(request) -> str:
    return client_network(client_ip(request))


class WebhookView(APIView):
    """Public endpoint for the platforms, authenticated by the body's HMAC-SHA256 signature."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []  # checked in post(): refused traffic per client, then the hook's budget
    parser_classes = []  # the raw body is what is signed

    @extend_schema(
        auth=[],
        request={"application/json": OpenApiTypes.OBJECT},
        responses={
            202: HookAnswerSerializer,
            200: OpenApiResponse(HookAnswerSerializer, description="Already received (a redelivery)."),
            400: OpenApiResponse(description="Malformed JSON."),
            401: OpenApiResponse(description="Missing or invalid signature."),
            404: OpenApiResponse(description="Unknown or inactive hook."),
            413: OpenApiResponse(description="Body over the webhook limit."),
            429: OpenApiResponse(description="Too many deliveries for this hook, or refused ones from you."),
        },
    )
    def post(self, request, hook_id):
        client = _client(request)
        if services.rejected_budget_spent(client=client):
            raise Throttled(wait=60, detail="Too many refused deliveries from this client.")
        hook_budget = HookThrottle()
        if not hook_budget.has_budget(request, self):
            raise Throttled(wait=hook_budget.wait())
        integration = selectors.active_integration_for_hook(hook_id=hook_id)
        if integration is None:
            services.count_rejection(client=client)
            services.log_rejection("unknown_hook", hook_id=hook_id, client=client)
            WEBHOOK_DELIVERIES.labels(outcome="unknown_hook").inc()
            raise NotFound()
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        try:
            if declared > services.max_body_bytes():  # refuse before reading it
                raise services.DeliveryRejected(413, "payload_too_large", "Body too large.")
            accepted = services.delivery_accept(
                integration=integration,
                body=request.body,
                headers=request.headers,
                content_type=request.content_type or "",
            )
        except services.DeliveryRejected as rejected:
            # Refusals that may be an attack are logged and counted; the handler renders the error.
            services.count_rejection(client=client)
            WEBHOOK_DELIVERIES.labels(outcome=rejected.code).inc()
            if rejected.status in (401, 413):
                services.log_rejection(rejected.code, hook_id=hook_id, client=client)
            raise
        hook_budget.record()
        WEBHOOK_DELIVERIES.labels(outcome=accepted.outcome).inc()
        answer = {"status": accepted.outcome, "delivery_id": accepted.delivery_id}
        code = status.HTTP_200_OK if accepted.outcome == "duplicate" else status.HTTP_202_ACCEPTED
        return Response(answer, status=code)


class AchievementStatsView(APIView):
    @extend_schema(responses=AchievementStatsSerializer)
    def get(self, request):
        """Counts per type, skills per category, months of experience and achievements per year."""
        return Response(AchievementStatsSerializer(achievement_stats(user=request.user)).data)
