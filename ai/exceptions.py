"""What can go wrong on the way to a language model, as the client sees it."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resumate.exceptions import ApplicationError


class AIError(ApplicationError):
    """An AI failure a client should see as JSON; ``extra`` joins the error body."""


class LoginRequired(AIError):
    status = 401
    code = "not_authenticated"

    def __init__(self, *, model):
        super().__init__(
            _("%(model)s is available to signed-in users only.") % {"model": model.display_name},
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )


class ModelUnavailable(AIError):
    status = 503
    code = "ai_unavailable"
    detail = gettext_lazy("No AI model could answer right now. Try again later or pick another model.")

    def __init__(self, detail=None, *, attempted=()):
        super().__init__(detail, extra={"attempted": list(attempted)}, headers={"Retry-After": "30"})


class DailyLimitExceeded(AIError):
    status = 429
    code = "ai_daily_limit"

    def __init__(self, *, model, retry_after: int):
        super().__init__(
            _("Daily limit of %(limit)s requests to %(model)s reached.")
            % {"limit": model.daily_limit, "model": model.display_name},
            extra={"model": model.display_name, "limit": model.daily_limit, "remaining": 0},
            headers={"Retry-After": str(retry_after)},
        )


class DraftExpired(AIError):
    status = 404
    code = "not_found"
    detail = gettext_lazy("This result has expired; generate it again.")
