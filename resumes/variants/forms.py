"""The variant form: what a browser sends, turned into a definition; the rules are the services'."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ..models import AchievementType, ResumePaper, ResumeTemplate
from .definition import LANGUAGES, SECTIONS

LANGUAGE_NAMES = {
    "en": _("English"),
    "ru": _("Russian"),
    "de": _("German"),
    "fr": _("French"),
    "es": _("Spanish"),
}
# Form field -> definition key, where they differ; comma lists become lists.
LIST_FIELDS = ("include_tags", "exclude_tags", "skills_first", "skills_exclude", "sections")


def _split(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class VariantForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    types = forms.MultipleChoiceField(
        choices=AchievementType.choices, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Types"), help_text=_("None ticked: every type."),
    )  # fmt: skip
    include_tags = forms.CharField(
        label=_("Include tags"), required=False, help_text=_("Comma-separated; any of them admits.")
    )
    exclude_tags = forms.CharField(label=_("Exclude tags"), required=False, help_text=_("Comma-separated."))
    include_ids = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label=_("Always include"),
        help_text=_("Shown whatever the rules say, first in their sections."),
    )  # fmt: skip
    exclude_ids = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label=_("Leave out")
    )
    date_from = forms.DateField(
        label=_("Date from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Date to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    skills_first = forms.CharField(
        label=_("Skills first"), required=False, help_text=_("Skills or categories, comma-separated.")
    )
    skills_exclude = forms.CharField(
        label=_("Skills left out"), required=False, help_text=_("Skills or categories, comma-separated.")
    )
    max_skills = forms.IntegerField(
        label=_("At most this many skills"), required=False, min_value=1, max_value=200
    )
    sections = forms.CharField(
        label=_("Sections"),
        required=False,
        help_text=format_lazy(
            _("Visible sections in order, comma-separated, from: {}."), ", ".join(SECTIONS)
        ),
    )
    anonymize = forms.BooleanField(required=False, label=_("Anonymise employers (NDA)"))
    language = forms.ChoiceField(
        label=_("Resume language"),
        choices=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
        required=False,
    )
    label = forms.CharField(required=False, max_length=200, label=_("Headline"))
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    template = forms.ChoiceField(label=_("Template"), choices=ResumeTemplate.choices, required=False)
    paper = forms.ChoiceField(label=_("Paper"), choices=ResumePaper.choices, required=False)

    def __init__(self, *args, achievements=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (str(a.pk), f"{a.title} · {a.organization}" if a.organization else a.title) for a in achievements
        ]
        self.fields["include_ids"].choices = choices
        self.fields["exclude_ids"].choices = choices

    @classmethod
    def initial_for(cls, variant) -> dict:
        definition = variant.definition or {}
        initial = {key: value for key, value in definition.items() if key not in LIST_FIELDS}
        for key in LIST_FIELDS:
            initial[key] = ", ".join(definition.get(key, []))
        for key in ("include_ids", "exclude_ids"):
            initial[key] = [str(pk) for pk in definition.get(key, [])]
        return {**initial, "title": variant.title, "template": variant.template, "paper": variant.paper}

    def definition(self) -> dict:
        """The definition the form describes; keys left empty are left out."""
        data = self.cleaned_data
        definition = {}
        for key in LIST_FIELDS:
            if _split(data.get(key)):
                definition[key] = _split(data[key])
        if data.get("types"):
            definition["types"] = list(data["types"])
        for key in ("include_ids", "exclude_ids"):
            if data.get(key):
                definition[key] = [int(pk) for pk in data[key]]
        for key in ("date_from", "date_to"):
            if data.get(key):
                definition[key] = data[key].isoformat()
        if data.get("max_skills"):
            definition["max_skills"] = data["max_skills"]
        if data.get("anonymize"):
            definition["anonymize"] = True
        if data.get("language") and data["language"] != "en":
            definition["language"] = data["language"]
        for key in ("label", "summary"):
            if data.get(key, "").strip():
                definition[key] = data[key].strip()
        return definition

    def resume_fields(self) -> dict:
        data = self.cleaned_data
        return {key: data[key] for key in ("title", "template", "paper") if data.get(key)}
