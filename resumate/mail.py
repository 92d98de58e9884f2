"""The e-mail backend: the configured one (EMAIL_URL), with every message counted for /metrics."""

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from .metrics import EMAILS


class CountingEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.inner = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=fail_silently, **kwargs)

    def open(self):
        return self.inner.open()

    def close(self):
        return self.inner.close()

    def send_messages(self, email_messages):
        messages = list(email_messages)
        try:
            sent = self.inner.send_messages(messages) or 0
        except Exception:
            EMAILS.labels(outcome="failed").inc(len(messages))
            raise
        EMAILS.labels(outcome="sent").inc(sent)
        if len(messages) > sent:
            EMAILS.labels(outcome="failed").inc(len(messages) - sent)
        return sent
