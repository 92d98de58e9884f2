app_name = "resumes"

# Pages.
urlpatterns = []

# Mounted under /api/v1/ by resumate/urls.py.
api_urlpatterns = []
