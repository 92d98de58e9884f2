from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Integration


class IntegrationForm(forms.ModelForm):
    class Meta:
        model = Integration
        fields = ["platform", "name"]
        labels = {"platform": _("Platform"), "name": _("Name")}
        help_texts = {"name": _("Something you will recognise, e.g. “My GitHub projects” or “Coursera”.")}
