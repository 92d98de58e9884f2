from django import forms
from django.utils.translation import gettext_lazy as _

from job_tracker.models import TrackerSettings


class TrackerSettingsForm(forms.ModelForm):
    class Meta:
        model = TrackerSettings
        fields = ["reminder_hours", "follow_up_days", "follow_up_digest"]
        labels = {
            "reminder_hours": _("Interview reminder (hours before)"),
            "follow_up_days": _("Follow up after (days in applied)"),
            "follow_up_digest": _("E-mail me the follow-up list every morning"),
        }
        widgets = {
            "reminder_hours": forms.NumberInput(attrs={"min": 1, "max": 336}),
            "follow_up_days": forms.NumberInput(attrs={"min": 1, "max": 90}),
        }


class SnoozeForm(forms.Form):
    days = forms.IntegerField(min_value=1, max_value=60, required=False)
