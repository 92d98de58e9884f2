app_name = "resumes"

# Pages.
urlpatterns = []

# Mounted under /api/v1/ by resumate/urls.py.
api_urlpatterns = []

# Export and import (issue 5) go first: a router's detail route would take "resumes/import/".
from . import export_api, export_views  # noqa: E402

api_urlpatterns = export_api.urlpatterns + api_urlpatterns
urlpatterns = export_views.urlpatterns + urlpatterns
