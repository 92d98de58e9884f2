from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import limits, selectors


def model_choices(*, user, client_ip):
    """Usable models, with what is left of today's quota in the label."""
    subject = limits.quota_subject(user=user, client_ip=client_ip)
    choices = []
    for model in selectors.active_models():
        if not model.is_available:
            continue
        if model.login_required and not (user and user.is_authenticated):
            continue
        remaining = limits.quota_remaining(model, subject)
        left = (
            gettext("unlimited")
            if remaining is None
            else gettext("%(remaining)s of %(limit)s left today")
            % {"remaining": remaining, "limit": model.daily_limit}
        )
        choices.append((model.display_name, f"{model.display_name} ({left})"))
    return choices


class _AIForm(forms.Form):
    model = forms.ChoiceField(label=_("Model"))

    def __init__(self, *args, user=None, client_ip=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["model"].choices = model_choices(user=user, client_ip=client_ip)
        self.fields["model"].initial = settings.AI_DEFAULT_MODEL

    def clean_model(self):
        return selectors.active_models().get(display_name=self.cleaned_data["model"])


class GenerateForm(_AIForm):
    title = forms.CharField(label=_("Title"), max_length=200, initial=_("AI-written resume"))
    user_input = forms.CharField(
        label=_("What should the resume focus on?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "E.g. the roles you are after and the skills to stress. Signed in, your achievements are used."
        ),
    )


class _JobForm(_AIForm):
    application = forms.ModelChoiceField(
        queryset=None, required=False, empty_label=_("— paste a job instead —"), label=_("Application")
    )
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    company_name = forms.CharField(label=_("Company"), max_length=200, required=False)
    job_description = forms.CharField(
        label=_("Job description"), max_length=20000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = selectors.user_applications(user=self.user)
        if not (self.user and self.user.is_authenticated):
            del self.fields["application"]

    def clean(self):
        data = super().clean()
        if not data.get("application") and not data.get("job_description", "").strip():
            self.add_error("job_description", gettext("Pick an application or paste a job description."))
        return data


class CoverLetterForm(_JobForm):
    resume = forms.ModelChoiceField(
        queryset=None, required=False, empty_label=_("— my achievements —"), label=_("Resume")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resume"].queryset = selectors.user_resumes(user=self.user)


class InterviewForm(_JobForm):
    pass


class TailorForm(_AIForm):
    resume = forms.ModelChoiceField(label=_("Resume"), queryset=None)
    job_description = forms.CharField(
        label=_("Job description"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resume"].queryset = selectors.user_resumes(user=self.user)


class SaveDraftForm(forms.Form):
    """Where a result goes: a new resume (title) or an application."""

    title = forms.CharField(max_length=200, required=False)
    application = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = selectors.user_applications(user=user)
