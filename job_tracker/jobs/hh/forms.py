"""The "Apply via hh.ru" form: which hh resume, and the letter as the user edited it."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_LETTER = 10_000


class HHApplyForm(forms.Form):
    resume_id = forms.ChoiceField(label=_("hh.ru resume"), widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Cover letter"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=MAX_LETTER,
        required=False,
    )

    def __init__(self, *args, resumes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resume_id"].choices = [(r["id"], r["title"]) for r in resumes]
