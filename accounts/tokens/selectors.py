from .models import PersonalAccessToken


def tokens_for_user(*, user):
    """The user's tokens that still work or were revoked, newest first (the secret hash never leaves)."""
    return PersonalAccessToken.objects.filter(user=user).defer("secret_hash")
