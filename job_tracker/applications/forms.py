"""Application forms for the pages; saving goes through the application services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from job_tracker.models import ApplicationSource, ApplicationStatus, JobApplication
from resumes.models import Resume


class ApplicationForm(forms.ModelForm):
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label=_("Posting URL"))
    status_note = forms.CharField(
        required=False,
        max_length=500,
        label=_("Note on the status change"),
        help_text=_("Kept in the history."),
    )

    class Meta:
        model = JobApplication
        fields = [
            "job_title",
            "company_name",
            "location",
            "url",
            "salary",
            "date_applied",
            "status",
            "source",
            "resume_used",
            "original_job_description",
            "notes",
        ]
        labels = {
            "job_title": _("Job title"),
            "company_name": _("Company"),
            "location": _("Location"),
            "salary": _("Salary"),
            "date_applied": _("Date applied"),
            "status": _("Status"),
            "source": _("Source"),
            "original_job_description": _("Job description"),
            "notes": _("Notes"),
        }
        widgets = {
            "date_applied": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "original_job_description": forms.Textarea(attrs={"rows": 6}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resume_used"].queryset = Resume.objects.filter(user=user)
        self.fields["resume_used"].label = _("Resume used")
        self.fields["source"].required = False  # an older client's form without it keeps the current source
        self.fields["source"].help_text = _("How it reached the employer; reports compare them.")

    def clean_source(self):
        return self.cleaned_data.get("source") or self.instance.source or ApplicationSource.DIRECT

    def service_fields(self) -> dict:
        """cleaned_data as keyword arguments for the create / update services."""
        data = dict(self.cleaned_data)
        data["note"] = data.pop("status_note", "")
        return data


class MoveForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ApplicationStatus.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class NotesForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
