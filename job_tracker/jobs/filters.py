"""Filters for job postings, shared by the jobs API and the job board page."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from job_tracker.models import JobPosting, JobSource, RemoteType

from .search import MAX_QUERY_LENGTH, search_postings


class JobPostingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Search"), max_length=MAX_QUERY_LENGTH)
    location = django_filters.CharFilter(
        field_name="location", lookup_expr="icontains", max_length=200, label=_("Location")
    )
    remote = django_filters.ChoiceFilter(
        choices=RemoteType.choices, empty_label=_("Any"), label=_("Work format")
    )
    source = django_filters.ModelChoiceFilter(
        queryset=JobSource.objects.all(), empty_label=_("Any source"), label=_("Source")
    )
    active = django_filters.BooleanFilter(
        method="filter_active",
        label=_("Listed"),
        help_text=_("Default: only postings still on their board."),
        widget=forms.Select(choices=[("", _("Still listed")), ("false", _("No longer listed"))]),
    )

    class Meta:
        model = JobPosting
        fields = ["q", "location", "remote", "source", "active"]

    @property
    def qs(self):
        queryset = super().qs
        # Postings gone from their board stay hidden unless asked for.
        if self.is_bound and self.form.cleaned_data.get("active") is None:
            queryset = queryset.filter(is_active=True)
        return queryset

    def filter_q(self, queryset, name, value):
        return search_postings(queryset, value)

    def filter_active(self, queryset, name, value):
        return queryset.filter(is_active=value)
