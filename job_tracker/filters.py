"""Filters for applications, shared by the API and the list page."""

import django_filters
from django.db.models import Q

from .models import ApplicationStatus, JobApplication


class ApplicationFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=ApplicationStatus.choices)
    company = django_filters.CharFilter(field_name="company_name", lookup_expr="icontains", max_length=200)
    applied_after = django_filters.DateFilter(field_name="date_applied", lookup_expr="gte")
    applied_before = django_filters.DateFilter(field_name="date_applied", lookup_expr="lte")
    has_resume = django_filters.BooleanFilter(field_name="resume_used", lookup_expr="isnull", exclude=True)

    class Meta:
        model = JobApplication
        fields = ["status", "company", "applied_after", "applied_before", "has_resume", "job_posting"]


class ApplicationPageFilter(ApplicationFilter):
    """The list page has no DRF SearchFilter, so search is a filter field there."""

    search = django_filters.CharFilter(method="filter_search", label="Search", max_length=200)

    class Meta(ApplicationFilter.Meta):
        fields = ["search", *ApplicationFilter.Meta.fields]

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            Q(job_title__icontains=value) | Q(company_name__icontains=value) | Q(notes__icontains=value)
        )
