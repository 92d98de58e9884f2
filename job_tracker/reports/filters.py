"""Filters for the weekly reports API."""

import django_filters

from job_tracker.models import WeeklyReport


class WeeklyReportFilter(django_filters.FilterSet):
    week_from = django_filters.DateFilter(field_name="week_start", lookup_expr="gte")
    week_to = django_filters.DateFilter(field_name="week_start", lookup_expr="lte")

    class Meta:
        model = WeeklyReport
        fields = ("week_start",)
