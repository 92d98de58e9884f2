import datetime as dt

import factory

from accounts.tests.factories import UserFactory
from resumes.models import Achievement, AchievementType, Resume, Skill


class AchievementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Achievement

    user = factory.SubFactory(UserFactory)
    type = AchievementType.JOB
    title = factory.Sequence(lambda n: f"Engineer {n}")
    organization = "Acme s.r.o."
    start_date = dt.date(2020, 1, 1)
    end_date = dt.date(2022, 6, 30)
    skills = factory.LazyFunction(lambda: ["Python", "Django"])
    highlights = factory.LazyFunction(lambda: ["Shipped things"])


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Skill {n}")


class ResumeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resume

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Resume {n}")
    content = factory.LazyFunction(lambda: {"basics": {"name": "Hand written"}})
