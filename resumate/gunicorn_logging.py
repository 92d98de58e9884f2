"""gunicorn's access log as JSON lines in the app's log format.

Same shape as ``resumate.log_format.JsonFormatter`` (time, level, logger,
message, then the fields), so one log shipper parses the app's request lines
and gunicorn's alike. ``instance`` names the gunicorn process (several run
behind nginx); ``request_id`` is the id the app answered with.
"""

import logging
import os
import socket

from gunicorn.glogging import Logger

from .log_format import JsonFormatter


def _header(headers, name):
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def access_fields(*, resp, req, environ, request_time, instance):
    """The structured fields of one access line (a plain dict, easy to test)."""
    status = resp.status
    if isinstance(status, str):
        status = status.split(None, 1)[0]
    sent = getattr(resp, "sent", None)
    return {
        "request_id": _header(resp.headers, "x-request-id") or environ.get("HTTP_X_REQUEST_ID") or "-",
        # gunicorn's own error answers (a worker that failed to load the app) come with a bare environ.
        "method": environ.get("REQUEST_METHOD") or getattr(req, "method", None),
        "path": environ.get("PATH_INFO") or getattr(req, "path", None),
        "query": environ.get("QUERY_STRING") or "",
        "status": int(status),
        "bytes": sent,
        "duration_ms": round(request_time.total_seconds() * 1000, 2),
        "remote_addr": environ.get("REMOTE_ADDR"),
        "forwarded_for": environ.get("HTTP_X_FORWARDED_FOR"),
        "user_agent": environ.get("HTTP_USER_AGENT"),
        "instance": instance,
        "pid": os.getpid(),
    }


class JsonLogger(Logger):
    """gunicorn logger: JSON access lines; JSON error lines too when LOG_FORMAT=json."""

    def setup(self, cfg):
        super().setup(cfg)
        self.instance = os.environ.get("GUNICORN_INSTANCE") or f"{socket.gethostname()}:{os.getpid()}"
        formatter = JsonFormatter()
        for handler in self.access_log.handlers:
            handler.setFormatter(formatter)
        if os.environ.get("LOG_FORMAT", "text") == "json":
            for handler in self.error_log.handlers:
                handler.setFormatter(formatter)

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        try:
            fields = access_fields(
                resp=resp, req=req, environ=environ, request_time=request_time, instance=self.instance
            )
            self.access_log.info("%s %s %s", fields["method"], fields["path"], fields["status"], extra=fields)
        except Exception:
            logging.getLogger("gunicorn.error").exception("could not write the access log line")
