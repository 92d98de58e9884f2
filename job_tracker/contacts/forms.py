from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from job_tracker.models import Company, Contact, JobApplication


class ContactForm(forms.ModelForm):
    linkedin_url = forms.URLField(
        required=False, max_length=500, assume_scheme="https", label=_("LinkedIn URL")
    )
    applications = forms.ModelMultipleChoiceField(
        queryset=JobApplication.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Applications"),
    )

    class Meta:
        model = Contact
        fields = ["name", "role", "company", "email", "phone", "linkedin_url", "notes", "applications"]
        labels = {
            "name": pgettext_lazy("person", "Name"),
            "role": _("Role"),
            "company": _("Company"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "notes": _("Notes"),
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = JobApplication.objects.filter(user=user).order_by(
            "company_name"
        )


class CompanyForm(forms.ModelForm):
    website = forms.URLField(required=False, max_length=500, assume_scheme="https", label=_("Website"))

    class Meta:
        model = Company
        fields = ["website", "size", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 6})}
        labels = {"size": _("Size"), "notes": _("Notes")}
        help_texts = {"notes": _("Used by the AI interview preparation.")}
