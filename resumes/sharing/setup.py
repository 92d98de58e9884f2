"""Registrations made from ``ResumesConfig.ready()``: owned data and the settings section."""

from accounts.registry import register_settings_section, register_user_data

from .panels import public_profile_section


def connect() -> None:
    from .models import PublicProfile, ShareComment, ShareLink, ShareLinkDailyCount

    register_user_data(
        "resumes.sharelink",
        lambda user: ShareLink.objects.filter(resume__user=user),
        exclude=("token_hash", "token_encrypted", "password_hash"),
    )
    register_user_data(
        "resumes.sharelinkdailycount",
        lambda user: ShareLinkDailyCount.objects.filter(link__resume__user=user),
    )
    register_user_data(
        "resumes.sharecomment", lambda user: ShareComment.objects.filter(link__resume__user=user)
    )
    register_user_data("resumes.publicprofile", lambda user: PublicProfile.objects.filter(user=user))
    register_settings_section(
        "resumes/sharing/_public_profile_section.html", public_profile_section, order=10
    )
