from django import forms

from .models import Integration


class IntegrationForm(forms.ModelForm):
    class Meta:
        model = Integration
        fields = ["platform", "name"]
        help_texts = {"name": "Something you will recognise, e.g. “My GitHub projects” or “Coursera”."}
