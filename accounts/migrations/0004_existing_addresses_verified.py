from django.db import migrations


def mark_existing_addresses_verified(apps, schema_editor):
    """Accounts made before e-mail verification existed keep working: their address counts as verified."""
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    have = set(EmailAddress.objects.values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=pk, email=email.lower(), verified=True, primary=True)
            for pk, email in User.objects.exclude(email="").values_list("pk", "email").iterator()
            if pk not in have
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_personal_tokens_and_deletion_grace"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(mark_existing_addresses_verified, migrations.RunPython.noop)]
