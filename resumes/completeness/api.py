from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from resumate.serializers import StrictSerializer

from .rules import profile_completeness


class StepSerializer(StrictSerializer):
    rule = serializers.CharField()
    text = serializers.CharField()
    url = serializers.CharField(help_text="The page where the step is done.")


class RuleSerializer(StrictSerializer):
    key = serializers.CharField()
    label = serializers.CharField()
    weight = serializers.IntegerField(help_text="Points the rule adds to the score when it passes.")
    passed = serializers.BooleanField()
    step = serializers.CharField(allow_blank=True)
    url = serializers.CharField(allow_blank=True)


class CompletenessSerializer(StrictSerializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    next_steps = StepSerializer(many=True)
    rules = RuleSerializer(many=True)


class CompletenessView(APIView):
    @extend_schema(
        operation_id="auth_me_completeness",
        responses={200: CompletenessSerializer},
        description="Profile completeness: the score is the sum of the weights of the passing rules.",
    )
    def get(self, request):
        return Response(CompletenessSerializer(profile_completeness(user=request.user)).data)
