from django import forms

from job_tracker.models import Company, Contact, JobApplication


class ContactForm(forms.ModelForm):
    linkedin_url = forms.URLField(required=False, max_length=500, assume_scheme="https", label="LinkedIn URL")
    applications = forms.ModelMultipleChoiceField(
        queryset=JobApplication.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Contact
        fields = ["name", "role", "company", "email", "phone", "linkedin_url", "notes", "applications"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = JobApplication.objects.filter(user=user).order_by(
            "company_name"
        )


class CompanyForm(forms.ModelForm):
    website = forms.URLField(required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Company
        fields = ["website", "size", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"notes": "Used by the AI interview preparation."}
