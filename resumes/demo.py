"""Demo achievements for the demo user: every kind, two ongoing, names in several scripts."""

import datetime as dt

from .models import Achievement
from .services import achievement_create, rebuilds_deferred, skill_create
from .skills import canonical_skill_name

ACHIEVEMENTS = [
    {
        "type": "job",
        "title": "Senior backend developer",
        "organization": "Kiwi.com",
        "location": "Brno",
        "start_date": dt.date(2021, 3, 1),
        "end_date": None,
        "description": "Search and booking APIs for millions of travellers.",
        "skills": ["Python", "Django", "PostgreSQL", "k8s", "Kafka"],
        "highlights": ["Cut p95 latency of itinerary search by 40%", "Mentored four juniors"],
    },
    {
        "type": "job",
        "title": "Backend developer",
        "organization": "Seznam.cz",
        "location": "Praha",
        "start_date": dt.date(2018, 1, 15),
        "end_date": dt.date(2021, 2, 28),
        "description": "Ad delivery services.",
        "skills": ["Python", "Go", "Redis", "Docker"],
        "highlights": ["Moved ad serving to Go, halving server count"],
    },
    {
        "type": "internship",
        "title": "Software engineering intern",
        "organization": "Škoda Auto",
        "location": "Mladá Boleslav",
        "start_date": dt.date(2017, 6, 1),
        "end_date": dt.date(2017, 9, 30),
        "skills": ["Java", "SQL"],
        "highlights": ["Built a parts-tracking dashboard"],
    },
    {
        "type": "degree",
        "title": "MSc Computer Science",
        "organization": "České vysoké učení technické",
        "start_date": dt.date(2015, 9, 1),
        "end_date": dt.date(2017, 6, 30),
        "skills": ["Algorithms", "Machine Learning"],
        "highlights": ["Distributed systems", "Compilers"],
    },
    {
        "type": "course",
        "title": "Deep Learning Specialization",
        "organization": "Coursera",
        "start_date": dt.date(2022, 1, 10),
        "end_date": dt.date(2022, 5, 1),
        "skills": ["PyTorch", "pandas"],
    },
    {
        "type": "certification",
        "title": "Certified Kubernetes Administrator",
        "organization": "CNCF",
        "end_date": dt.date(2023, 4, 12),
        "url": "https://www.cncf.io/certification/cka/",
        "skills": ["Kubernetes", "Helm"],
    },
    {
        "type": "project",
        "title": "Jízdní řády — open timetable API",
        "organization": "Open source",
        "start_date": dt.date(2020, 5, 1),
        "end_date": None,
        "url": "https://github.com/example/jizdni-rady",
        "description": "GTFS timetables for Czech public transport as a REST API.",
        "skills": ["FastAPI", "PostgreSQL", "Docker"],
        "highlights": ["1.2 k stars", "Used by three city apps"],
    },
    {
        "type": "award",
        "title": "Hackathon winner — Mobilita 2022",
        "organization": "Nadace Żabka",
        "end_date": dt.date(2022, 10, 2),
        "description": "Best open-data project.",
    },
    {
        "type": "volunteer",
        "title": "Coding mentor",
        "organization": "Czechitas",
        "location": "Brno",
        "start_date": dt.date(2019, 9, 1),
        "end_date": dt.date(2022, 6, 30),
        "skills": ["Mentoring", "Teaching"],
        "highlights": ["Taught Python to 60+ women changing careers"],
    },
    {
        "type": "publication",
        "title": "Scaling search at a travel company",
        "organization": "PyCon CZ",
        "end_date": dt.date(2023, 9, 15),
        "url": "https://cz.pycon.org/",
    },
]


def seed(*, staff, demo, stdout):
    existing = set(Achievement.objects.filter(user=demo).values_list("type", "title"))
    created = 0
    with rebuilds_deferred():
        for fields in ACHIEVEMENTS:
            if (fields["type"], fields["title"]) in existing:
                continue
            achievement_create(user=demo, **fields)
            created += 1
        for language, level in (("Czech", "expert"), ("English", "advanced"), ("Deutsch", "intermediate")):
            if not demo.skills.filter(name__iexact=canonical_skill_name(language)).exists():
                skill_create(user=demo, name=language, proficiency=level)
    stdout.write(f"resumes: {created} demo achievement(s) added for {demo.username}; resume rebuilt once.")

    from resumes.integrations import demo as integrations_demo

    integrations_demo.seed(staff=staff, demo=demo, stdout=stdout)
