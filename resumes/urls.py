app_name = "resumes"

# Pages.
urlpatterns = []

# Mounted under /api/v1/ by resumate/urls.py.
api_urlpatterns = []

# Integrations (issue 10): prepended so achievements/stats/ wins over the achievements detail route.
from resumes.integrations import api as integrations_api  # noqa: E402
from resumes.integrations import views as integrations_views  # noqa: E402

urlpatterns += integrations_views.urlpatterns
api_urlpatterns = integrations_api.urlpatterns + api_urlpatterns
