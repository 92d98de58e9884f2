from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts import urls as accounts_urls
from ai import urls as ai_urls
from job_tracker import urls as job_tracker_urls
from resumes import urls as resumes_urls

from . import health
from .metrics import metrics_view

# Each app exposes ``api_urlpatterns`` (under /api/v1/) and ``urlpatterns`` (pages).
api_v1 = [
    *accounts_urls.api_urlpatterns,
    *resumes_urls.api_urlpatterns,
    *job_tracker_urls.api_urlpatterns,
    *ai_urls.api_urlpatterns,
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("health/", health.ready, name="health"),
    path("health/live/", health.live, name="health-live"),
    path("metrics", metrics_view, name="metrics"),
    path("health/ready/", health.ready, name="health-ready"),
    path("api/v1/", include(api_v1)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("mcp/", include("assistant.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("", include("accounts.urls")),
    *accounts_urls.allauth_urlpatterns,
    path("", include("resumes.urls")),
    path("", include("job_tracker.urls")),
    path("", include("ai.urls")),
]

handler400 = "resumate.errors.bad_request"
handler403 = "resumate.errors.permission_denied"
handler404 = "resumate.errors.page_not_found"
handler500 = "resumate.errors.server_error"
