from django.contrib.auth import views as auth_views
from django.urls import path

from . import api, views

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("signup/", views.signup, name="signup"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/", views.account_settings, name="settings"),
    path("settings/export/", views.export_data, name="export"),
]

api_urlpatterns = [
    path("auth/register/", api.RegisterView.as_view(), name="auth-register"),
    path("auth/token/", api.LockoutAwareTokenObtainPairView.as_view(), name="auth-token"),
    path("auth/token/refresh/", api.RefreshView.as_view(), name="auth-token-refresh"),
    path("auth/logout/", api.LogoutView.as_view(), name="auth-logout"),
    path("auth/me/", api.MeView.as_view(), name="auth-me"),
    path("auth/me/export/", api.MeExportView.as_view(), name="auth-me-export"),
]
