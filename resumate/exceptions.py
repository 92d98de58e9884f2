"""The one domain error type.

Services raise ``ApplicationError`` (or a subclass named for what went wrong);
the API's exception handler (``resumate.api.exception_handler``) renders it in
the shared error shape and pages show ``detail``. It carries no HTTP library,
so models and services can raise it without importing DRF.
"""


class ApplicationError(Exception):
    """A failure the client should see: ``detail`` to read, ``code`` to branch on.

    ``extra`` joins the JSON error body; ``headers`` (``Retry-After`` and the
    like) join the response.
    """

    status = 400
    code = "error"
    detail = "The request could not be completed."

    def __init__(self, detail=None, code=None, status=None, extra=None, headers=None):
        # str() also resolves a lazily translated class default in the language of the request.
        self.detail = str(detail) if detail is not None else str(self.detail)
        self.code = code or self.code
        self.status = status or self.status
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})
        super().__init__(self.detail)
