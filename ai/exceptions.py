"""What can go wrong on the way to a language model, as the client sees it."""

from resumate.exceptions import ApplicationError


class AIError(ApplicationError):
    """An AI failure a client should see as JSON; ``extra`` joins the error body."""


class LoginRequired(AIError):
    status = 401
    code = "not_authenticated"

    def __init__(self, *, model):
        super().__init__(
            f"{model.display_name} is available to signed-in users only.",
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )


class ModelUnavailable(AIError):
    status = 503
    code = "ai_unavailable"
    detail = "No AI model could answer right now. Try again later or pick another model."

    def __init__(self, detail=None, *, attempted=()):
        super().__init__(detail, extra={"attempted": list(attempted)}, headers={"Retry-After": "30"})


class DailyLimitExceeded(AIError):
    status = 429
    code = "ai_daily_limit"

    def __init__(self, *, model, retry_after: int):
        super().__init__(
            f"Daily limit of {model.daily_limit} requests to {model.display_name} reached.",
            extra={"model": model.display_name, "limit": model.daily_limit, "remaining": 0},
            headers={"Retry-After": str(retry_after)},
        )


class DraftExpired(AIError):
    status = 404
    code = "not_found"
    detail = "This result has expired; generate it again."
