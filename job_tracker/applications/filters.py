"""Filters for applications, shared by the API and the list page."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from job_tracker.models import ApplicationStatus, JobApplication

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class IdFilter(django_filters.NumberFilter):
    """A whole number a database id can hold: anything else is a 400, never an overflow."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=2**63 - 1, **kwargs)


class ApplicationFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=ApplicationStatus.choices, label=_("Status"))
    company = django_filters.CharFilter(
        field_name="company_name", lookup_expr="icontains", max_length=200, label=_("Company")
    )
    applied_after = django_filters.DateFilter(
        field_name="date_applied", lookup_expr="gte", label=_("Applied on or after"), widget=DATE_INPUT
    )
    applied_before = django_filters.DateFilter(
        field_name="date_applied", lookup_expr="lte", label=_("Applied on or before"), widget=DATE_INPUT
    )
    has_resume = django_filters.BooleanFilter(
        field_name="resume_used", lookup_expr="isnull", exclude=True, label=_("Resume linked")
    )
    # A plain id: a choice filter would load every posting to validate or render it.
    job_posting = IdFilter(field_name="job_posting_id")

    class Meta:
        model = JobApplication
        fields = ["status", "company", "applied_after", "applied_before", "has_resume", "job_posting"]


class ApplicationPageFilter(ApplicationFilter):
    """The list page has no DRF SearchFilter, so search is a filter field there."""

    search = django_filters.CharFilter(method="filter_search", label=_("Search"), max_length=200)

    class Meta(ApplicationFilter.Meta):
        fields = ["search", *ApplicationFilter.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("job_posting")  # ids mean nothing to a person filling the form

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            Q(job_title__icontains=value) | Q(company_name__icontains=value) | Q(notes__icontains=value)
        )
