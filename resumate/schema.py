"""The OpenAPI schema documents every error an operation can answer, in the one error shape.

drf-spectacular documents the success only; a client generated from that would not know our 4xx.
``AutoSchema`` adds, to each operation, the errors its view can produce (from its authentication,
throttles, path, body and pagination) and gives every documented error the error body, keeping
any description a view wrote itself.
"""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework_simplejwt.views import TokenViewBase


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, for a person to read.")
    code = serializers.CharField(help_text="What went wrong, for a program to branch on.")
    errors = serializers.DictField(
        required=False, help_text="Validation errors only: messages by field (nested fields by their path)."
    )


ERROR_DESCRIPTIONS = {
    "400": "Invalid input: `errors` names each field.",
    "401": "Not signed in, or the token is invalid, expired or revoked.",
    "403": "Not allowed: e.g. a read-only personal access token on a write.",
    "404": "Not found (another user's object is always 404), or a page past the last.",
    "413": "The request body is too large.",
    "414": "The query string is too long.",
    "429": "Too many requests: retry after `Retry-After` seconds.",
    "503": "The database is briefly unreachable (a restart or failover): retry after `Retry-After` seconds.",
}
WRITE_METHODS = {"POST", "PUT", "PATCH"}


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            responses.setdefault(code, {"description": ERROR_DESCRIPTIONS[code]})
        error = self._get_response_for_code(ErrorSerializer, "400", direction=direction)["content"]
        for code, response in responses.items():
            if code in ERROR_DESCRIPTIONS and not response.get("content"):
                response["content"] = error
        return responses

    def _error_codes(self) -> list[str]:
        view, codes = self.view, set()
        authenticated = bool(getattr(view, "authentication_classes", ()))
        if isinstance(view, TokenViewBase):
            codes.add("401")  # wrong credentials, or a refresh token that is no longer valid
        if authenticated:
            codes.add("401")  # a bad token is refused even where anonymous use is allowed
            if self.method in WRITE_METHODS | {"DELETE"} or not self._allows_anyone():
                codes.add("403")
        codes |= {
            "414",
            "503",
        }  # any URL may carry an overlong query string; any request may find the database down
        if self.method in WRITE_METHODS:
            codes |= {"400", "413"}
        elif self.method == "GET" and (self._is_list_view() or self.get_override_parameters()):
            codes.add("400")  # filters and query parameters are validated
        if "{" in self.path or (self.method == "GET" and self._is_list_view()):
            codes.add("404")
        if getattr(view, "throttle_classes", ()):
            codes.add("429")
        return sorted(codes)

    def _allows_anyone(self) -> bool:
        return all(issubclass(p, AllowAny) for p in getattr(self.view, "permission_classes", ()))
