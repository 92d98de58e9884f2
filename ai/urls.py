from django.urls import path

from . import api, views

app_name = "ai"

# Pages.
urlpatterns = [
    path("ai/", views.assistant, name="assistant"),
    path("ai/cover-letter/stream/", views.cover_letter_stream, name="cover-letter-stream"),
    path("ai/<slug:feature>/", views.feature_page, name="feature"),
    path("ai/drafts/<str:token>/save/", views.save_draft, name="save-draft"),
]

# Mounted under /api/v1/ by resumate/urls.py.
api_urlpatterns = [
    path("ai/models/", api.AIModelListView.as_view(), name="ai-models"),
    path("ai/generate/", api.GenerateView.as_view(), name="ai-generate"),
    path("ai/cover-letter/", api.CoverLetterView.as_view(), name="ai-cover-letter"),
    path("ai/tailor/", api.TailorView.as_view(), name="ai-tailor"),
    path("ai/interview-questions/", api.InterviewQuestionsView.as_view(), name="ai-interview-questions"),
    path("imports/<int:pk>/improve/", api.ImportImproveView.as_view(), name="import-improve"),
]
