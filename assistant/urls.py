from django.urls import path

from .downloads import download
from .views import MCPView

app_name = "assistant"

urlpatterns = [
    path("", MCPView.as_view(), name="mcp"),
    path("downloads/<str:token>/", download, name="download"),
]
