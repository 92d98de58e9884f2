"""The "Save this search" form beside the job board."""

from django import forms
from django.utils.translation import gettext_lazy as _

from job_tracker.models import JobSource, RemoteType, SavedSearch


class SavedSearchForm(forms.ModelForm):
    source = forms.ModelChoiceField(queryset=JobSource.objects.all(), required=False, label=_("Source"))
    remote = forms.ChoiceField(
        choices=[("", _("Any")), *RemoteType.choices], required=False, label=_("Work format")
    )
    min_score = forms.IntegerField(min_value=0, max_value=100, initial=50, label=_("Minimum match"))

    class Meta:
        model = SavedSearch
        fields = ["name", "q", "location", "remote", "source", "min_score", "frequency"]
        labels = {"name": _("Name"), "frequency": _("Frequency")}
        widgets = {"q": forms.HiddenInput, "location": forms.HiddenInput}
