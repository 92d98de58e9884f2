"""Page forms: they parse what a browser sends; the rules are the services' (errors land on fields)."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AchievementType, ResumeTemplate


class AchievementForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), choices=AchievementType.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    organization = forms.CharField(label=_("Organization"), max_length=200, required=False)
    location = forms.CharField(label=_("Location"), max_length=120, required=False)
    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty if ongoing."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    skills = forms.CharField(
        label=_("Skills"), required=False, help_text=_("Comma-separated, e.g. Python, Django, k8s.")
    )
    highlights = forms.CharField(
        label=_("Highlights"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
    url = forms.CharField(required=False, max_length=500, label=_("Link"))

    @classmethod
    def initial_for(cls, achievement):
        return {
            "type": achievement.type,
            "title": achievement.title,
            "organization": achievement.organization,
            "location": achievement.location,
            "start_date": achievement.start_date,
            "end_date": achievement.end_date,
            "description": achievement.description,
            "skills": ", ".join(achievement.skills),
            "highlights": "\n".join(achievement.highlights),
            "url": achievement.url,
        }

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["skills"] = [s for s in data["skills"].split(",") if s.strip()]
        data["highlights"] = [h for h in data["highlights"].splitlines() if h.strip()]
        return data


class ResumeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    template = forms.ChoiceField(label=_("Template"), choices=ResumeTemplate.choices)
    content = forms.CharField(
        label=_("Content"),
        widget=forms.Textarea(attrs={"rows": 24, "class": "code", "spellcheck": "false"}),
        help_text=_("JSON Resume sections: basics, work, education, projects, skills, ..."),
    )

    def clean_content(self):
        try:
            return json.loads(self.cleaned_data["content"])
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                _("Not valid JSON: %(error)s (line %(line)s).") % {"error": exc.msg, "line": exc.lineno}
            ) from exc
