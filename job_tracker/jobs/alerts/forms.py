"""The "Save this search" form beside the job board."""

from django import forms

from job_tracker.models import JobSource, RemoteType, SavedSearch


class SavedSearchForm(forms.ModelForm):
    source = forms.ModelChoiceField(queryset=JobSource.objects.all(), required=False)
    remote = forms.ChoiceField(choices=[("", "Any"), *RemoteType.choices], required=False)
    min_score = forms.IntegerField(min_value=0, max_value=100, initial=50, label="Minimum match")

    class Meta:
        model = SavedSearch
        fields = ["name", "q", "location", "remote", "source", "min_score", "frequency"]
        widgets = {"q": forms.HiddenInput, "location": forms.HiddenInput}
