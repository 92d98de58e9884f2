from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class ProfileForm(forms.ModelForm):
    # Declared here, so Meta.labels does not reach it.
    website = forms.URLField(required=False, assume_scheme="https", label=_("Website"))

    class Meta:
        model = User
        fields = (
            "first_name",
            "last_name",
            "headline",
            "phone",
            "location",
            "website",
            "time_zone",
            "weekly_report_emails",
        )
        labels = {
            "headline": _("Headline"),
            "phone": _("Phone"),
            "location": _("Location"),
            "time_zone": _("Time zone"),
            "weekly_report_emails": _("Weekly report e-mails"),
        }
        help_texts = {"weekly_report_emails": _("Send the weekly report by e-mail every Monday.")}


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput, label=_("Password"), help_text=_("Type your password to confirm.")
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
