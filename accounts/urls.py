from allauth.account import views as allauth_views
from django.urls import include, path

from . import api, views
from .tokens import api as tokens_api
from .tokens import views as tokens_views

app_name = "accounts"

# The pages' account flows are allauth's; these keep the short URLs and names the site links to.
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("signup/", allauth_views.signup, name="signup"),
    path("login/", allauth_views.login, name="login"),
    path("logout/", allauth_views.logout, name="logout"),
    path("settings/", views.account_settings, name="settings"),
    path("settings/export/", views.export_data, name="export"),
    path("settings/tokens/", tokens_views.token_list, name="tokens"),
    path("settings/tokens/<int:pk>/revoke/", tokens_views.token_revoke, name="token-revoke"),
    path("account/restore/", views.restore_account, name="restore"),
]

# Outside the namespace: allauth reverses its own names (account_login, mfa_index, ...).
allauth_urlpatterns = [path("accounts/", include("allauth.urls"))]

api_urlpatterns = [
    path("auth/register/", api.RegisterView.as_view(), name="auth-register"),
    path("auth/token/", api.LockoutAwareTokenObtainPairView.as_view(), name="auth-token"),
    path("auth/token/refresh/", api.RefreshView.as_view(), name="auth-token-refresh"),
    path("auth/logout/", api.LogoutView.as_view(), name="auth-logout"),
    path("auth/me/", api.MeView.as_view(), name="auth-me"),
    path("auth/me/export/", api.MeExportView.as_view(), name="auth-me-export"),
    path("auth/password/reset/", api.PasswordResetView.as_view(), name="auth-password-reset"),
    path(
        "auth/password/reset/confirm/",
        api.PasswordResetConfirmView.as_view(),
        name="auth-password-reset-confirm",
    ),
    path("auth/password/change/", api.PasswordChangeView.as_view(), name="auth-password-change"),
    path("auth/email/verify/", api.EmailVerifyView.as_view(), name="auth-email-verify"),
    path("auth/tokens/", tokens_api.TokenListCreateView.as_view(), name="auth-tokens"),
    path("auth/tokens/<int:pk>/", tokens_api.TokenDestroyView.as_view(), name="auth-token-detail"),
]
