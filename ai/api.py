"""AI endpoints: thin views that validate input, call a feature service and shape the answer."""

from django.conf import settings
from django.core.cache import cache
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from resumes.importing import selectors as import_selectors

from . import import_assist, selectors, services
from .limits import client_ip
from .serializers import (
    AIModelSerializer,
    CoverLetterInput,
    CoverLetterOutput,
    GenerateInput,
    GenerateOutput,
    InterviewInput,
    InterviewOutput,
    TailorInput,
    TailorOutput,
    usage,
)

MODELS_CACHE_KEY = "ai:models:list:v1"

ERRORS = {
    400: OpenApiResponse(description="Invalid input (field errors)."),
    401: OpenApiResponse(description="Not signed in, and the model (or feature) requires it."),
    429: OpenApiResponse(description="Daily limit reached: body has `limit`, header `Retry-After`."),
    503: OpenApiResponse(description="No model could answer in time."),
}


class AIModelListView(APIView):
    """Active models, public and cached for an hour (``X-Cache-Status``); dropped when a model changes."""

    permission_classes = [AllowAny]

    @extend_schema(responses=AIModelSerializer(many=True))
    def get(self, request):
        data = cache.get(MODELS_CACHE_KEY)
        state = "HIT"
        if data is None:
            state = "MISS"
            data = AIModelSerializer(selectors.active_models(), many=True).data
            cache.set(MODELS_CACHE_KEY, data, timeout=settings.AI_MODELS_CACHE_SECONDS)
        return Response(data, headers={"X-Cache-Status": state})


class _FeatureView(APIView):
    input_class = None

    def validated(self, request) -> dict:
        serializer = self.input_class(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


class GenerateView(_FeatureView):
    permission_classes = [AllowAny]
    input_class = GenerateInput

    @extend_schema(request=GenerateInput, responses={201: GenerateOutput, **ERRORS})
    def post(self, request):
        data = self.validated(request)
        result = services.resume_generate(
            user=request.user, model=data["model"], user_input=data["user_input"], title=data["title"],
            client_ip=client_ip(request),
        )  # fmt: skip
        body = {
            **usage(result.ai),
            "resume_id": result.resume.pk if result.resume else None,
            "content": result.value,
        }
        return Response(body, status=status.HTTP_201_CREATED)


class CoverLetterView(_FeatureView):
    permission_classes = [IsAuthenticated]
    input_class = CoverLetterInput

    @extend_schema(request=CoverLetterInput, responses={200: CoverLetterOutput, **ERRORS})
    def post(self, request):
        data = self.validated(request)
        result = services.cover_letter_write(
            user=request.user, model=data["model"], application=data.get("application"),
            job_title=data["job_title"], company_name=data["company_name"],
            job_description=data["job_description"], resume=data.get("resume"), client_ip=client_ip(request),
        )  # fmt: skip
        application = result.application
        return Response(
            {
                **usage(result.ai),
                "application_id": application.pk if application else None,
                "cover_letter": result.value,
            }
        )


class TailorView(_FeatureView):
    permission_classes = [IsAuthenticated]
    input_class = TailorInput

    @extend_schema(request=TailorInput, responses={200: TailorOutput, **ERRORS})
    def post(self, request):
        data = self.validated(request)
        result = services.resume_tailor(
            user=request.user, model=data["model"], resume=data["resume"],
            job_description=data["job_description"], title=data["title"], application=data.get("application"),
            client_ip=client_ip(request),
        )  # fmt: skip
        body = {
            **usage(result.ai),
            "resume_id": result.resume.pk if result.resume else None,
            "application_id": result.application.pk if result.application else None,
            **result.extra,
            "content": result.value,
        }
        return Response(body, status=status.HTTP_201_CREATED if result.resume else status.HTTP_200_OK)


class InterviewQuestionsView(_FeatureView):
    permission_classes = [AllowAny]
    input_class = InterviewInput

    @extend_schema(request=InterviewInput, responses={200: InterviewOutput, **ERRORS})
    def post(self, request):
        data = self.validated(request)
        result = services.interview_prepare(
            user=request.user, model=data["model"], application=data.get("application"),
            job_title=data["job_title"], company_name=data["company_name"],
            job_description=data["job_description"], client_ip=client_ip(request),
        )  # fmt: skip
        application = result.application
        return Response(
            {**usage(result.ai), "application_id": application.pk if application else None, **result.value}
        )


class ImportImproveView(APIView):
    """Improve with AI on an import draft: empty fields filled from the file's own text, nothing else."""

    @extend_schema(
        operation_id="imports_improve",
        request=None,
        responses={
            200: OpenApiResponse(
                description="`filled` (draft fields set), `dropped` (not in the file), `model`."
            ),
            404: OpenApiResponse(description="No such draft of yours."),
            409: OpenApiResponse(description="No remote model configured, or the draft is confirmed."),
            429: ERRORS[429],
            503: ERRORS[503],
        },
    )
    def post(self, request, pk):
        draft = import_selectors.draft_get(user=request.user, pk=pk)
        if draft is None:
            raise NotFound()
        body = import_assist.improve_import_draft(
            user=request.user,
            import_draft=draft,
            model_name=request.data.get("model"),
            client_ip=client_ip(request),
        )
        return Response(body)
