import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resumes.models import Resume

from .privacy import section_titles
from .services import BODY_MAX, NAME_MAX

EXPIRY_CHOICES = [
    ("", _("Never")),
    ("1", _("In a day")),
    ("7", _("In a week")),
    ("30", _("In 30 days")),
    ("90", _("In 90 days")),
]


class ShareLinkForm(forms.Form):
    expires_in = forms.ChoiceField(label=_("Expires"), choices=EXPIRY_CHOICES, required=False)
    password = forms.CharField(
        label=_("Password"),
        required=False,
        min_length=4,
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Optional: visitors must type it."),
    )
    allow_comments = forms.BooleanField(required=False, label=_("Let visitors comment on sections"))
    show_email = forms.BooleanField(required=False, label=_("Show my e-mail"))
    show_phone = forms.BooleanField(required=False, label=_("Show my phone"))
    show_location = forms.BooleanField(required=False, label=_("Show my location"))

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        days = data.pop("expires_in")
        data["expires_at"] = timezone.now() + dt.timedelta(days=int(days)) if days else None
        return data


class SharePasswordForm(forms.Form):
    password = forms.CharField(label=_("Password"), strip=False, max_length=128, widget=forms.PasswordInput)


class ShareCommentForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), choices=[])
    author_name = forms.CharField(label=_("Your name"), max_length=NAME_MAX)
    body = forms.CharField(
        label=_("Comment"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": BODY_MAX}),
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = sections


class PublicProfileForm(forms.Form):
    slug = forms.CharField(
        label=_("Address"),
        max_length=60,
        required=False,
        help_text=_("Your page will be at /p/<em>address</em>/."),
    )
    published = forms.BooleanField(required=False, label=_("Published"))
    resume = forms.ModelChoiceField(
        queryset=Resume.objects.none(),
        required=False,
        label=_("Resume"),
        empty_label=_("My auto resume (always current)"),
    )
    sections = forms.MultipleChoiceField(
        choices=lambda: list(section_titles().items()),  # in the language of the request
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Sections"),
        help_text=_("None ticked shows every section."),
    )
    show_email = forms.BooleanField(required=False, label=_("Show my e-mail"))
    show_phone = forms.BooleanField(required=False, label=_("Show my phone"))
    show_location = forms.BooleanField(required=False, label=_("Show my location"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resume"].queryset = Resume.objects.filter(user=user).order_by("-is_auto", "title")

    @classmethod
    def initial_for(cls, profile) -> dict:
        return {
            "slug": profile.slug,
            "published": profile.published,
            "resume": profile.resume_id,
            "sections": profile.sections,
            "show_email": profile.show_email,
            "show_phone": profile.show_phone,
            "show_location": profile.show_location,
        }
