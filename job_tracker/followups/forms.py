from django import forms

from job_tracker.models import TrackerSettings


class TrackerSettingsForm(forms.ModelForm):
    class Meta:
        model = TrackerSettings
        fields = ["reminder_hours", "follow_up_days", "follow_up_digest"]
        labels = {
            "reminder_hours": "Interview reminder (hours before)",
            "follow_up_days": "Follow up after (days in applied)",
            "follow_up_digest": "E-mail me the follow-up list every morning",
        }
        widgets = {
            "reminder_hours": forms.NumberInput(attrs={"min": 1, "max": 336}),
            "follow_up_days": forms.NumberInput(attrs={"min": 1, "max": 90}),
        }


class SnoozeForm(forms.Form):
    days = forms.IntegerField(min_value=1, max_value=60, required=False)
