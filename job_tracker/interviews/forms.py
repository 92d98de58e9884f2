"""Interview form on the application page; times are wall-clock times in the chosen zone."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import TIME_ZONE_CHOICES
from job_tracker.models import Contact, InterviewKind

LOCAL = {"type": "datetime-local"}


class InterviewForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=InterviewKind.choices)
    starts_at = forms.DateTimeField(
        label=_("Starts (take-home: due)"), widget=forms.DateTimeInput(attrs=LOCAL)
    )
    ends_at = forms.DateTimeField(required=False, label=_("Ends"), widget=forms.DateTimeInput(attrs=LOCAL))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES)
    location = forms.CharField(label=_("Location"), required=False, max_length=300)
    link = forms.URLField(required=False, max_length=1000, assume_scheme="https", label=_("Meeting link"))
    contacts = forms.ModelMultipleChoiceField(
        queryset=Contact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Contacts"),
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("time_zone", user.time_zone)
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = Contact.objects.filter(user=user).order_by("name")

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        # The form's fields are read in the server's zone; the service wants the wall-clock time.
        for name in ("starts_at", "ends_at"):
            if data.get(name) is not None:
                data[name] = data[name].replace(tzinfo=None)
        return data
