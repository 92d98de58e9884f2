import json

import django_filters
from django.db import connection
from django.db.models import Q

from .models import Achievement, AchievementType, Resume, Skill


def tag_filter(tag: str) -> Q:
    """Achievements carrying ``tag`` (matched as stored: lower-case)."""
    tag = " ".join(tag.split()).lower()
    if connection.vendor == "postgresql":
        return Q(tags__contains=[tag])  # jsonb @>
    # SQLite has no JSON containment: match the tag as the JSON text stores it, quotes included
    # (tags hold no quotes, see validation), so "data" never matches "big data".
    return Q(tags__icontains=json.dumps(tag))


class AchievementFilter(django_filters.FilterSet):
    type = django_filters.MultipleChoiceFilter(choices=AchievementType.choices)
    q = django_filters.CharFilter(method="filter_text", label="Text in title, organization or description")
    ongoing = django_filters.BooleanFilter(method="filter_ongoing")
    tag = django_filters.CharFilter(method="filter_tag", label="Has this tag")

    class Meta:
        model = Achievement
        fields = ["type", "is_verified"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(organization__icontains=value) | Q(description__icontains=value)
        )

    def filter_tag(self, queryset, name, value):
        return queryset.filter(tag_filter(value))

    def filter_ongoing(self, queryset, name, value):
        ongoing = Q(end_date__isnull=True, start_date__isnull=False)
        return queryset.filter(ongoing) if value else queryset.exclude(ongoing)


class SkillFilter(django_filters.FilterSet):
    class Meta:
        model = Skill
        fields = ["category", "proficiency", "source"]


class ResumeFilter(django_filters.FilterSet):
    class Meta:
        model = Resume
        fields = ["is_auto", "template", "variant_of"]
