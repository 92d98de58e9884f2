# ruff: noqa: RUF001, E501  (Cyrillic and typographic quotes are the test data)
"""The offline writer writes what a person would send: every sentence of its cover letters, resume
summaries and interview hints is one of its templates, "I" is always followed by a verb, and a
course or a degree is never written as if it were a job ("As <course> at ..."). Checked over the
demo data and over 200 generated records (every kind, missing fields, highlights with and without
verbs, Cyrillic titles, abbreviations with full stops)."""

import io
import random
import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.models import User
from ai.keywords import analyse_job
from ai.providers.offline import generate_resume
from ai.providers.offline_prep import cover_letter, interview_questions
from ai.selectors import user_profile
from resumes.models import Resume
from resumes.prose import LANGUAGES, matching_template, tidy
from resumes.prose.phrases import PHRASES
from resumes.prose.summary import person_summary
from resumes.prose.verbs import PAST_TENSE

# A sentence ends at . ! ? (or at one closing a quotation) followed by an ordinary space or line break;
# the writer puts a no-break space after a full stop inside the user's words ("B.Sc. Physics").
SENTENCE_END = re.compile(r"(?<=[.!?])[ \n]+|(?<=[.!?][”»“])[ \n]+")
# The verbs the English templates themselves put after "I" ("I am applying", "I would welcome"),
# beside the past-tense list that a woven highlight must start with.
OWN_VERBS = {w.casefold() for t in PHRASES["en"]["sentences"].values() for w in re.findall(r"\bI (\w+)", t)}
AFTER_I = re.compile(r"(?<![\w’'-])I ([^\W\d_][\w’'-]*)")

VERB_LINES = [
    "Cut p95 latency of the search API by 40%",
    "Led a team of four engineers through a platform migration",
    "Built a parts-tracking dashboard used daily by 200 people",
    "Migrated 12 services to Kubernetes.",
    "Reduced cloud costs by a third. Then documented the setup for the team",
    "Taught Python to 60+ adults changing careers",
    "Designed the schema for a multi-tenant billing system",
]
OTHER_LINES = [
    "Final project: predicting tram delays from GTFS-realtime feeds",
    "1.2 k stars on GitHub",
    "Used by three city apps",
    "Distributed systems",
    "Promoted to team lead after one year",
    "Grade: A (1.0)",
    "e.g. compilers, type systems and interpreters",
    "Сократил время сборки вдвое",
    "Best open-data project!",
]
TITLES = {
    "job": [
        "Senior backend developer",
        "Data engineer",
        "Старший разработчик",
        "Team Lead I. Platform",
        "QA",
    ],
    "internship": ["Software engineering intern", "Стажёр-аналитик", "Summer intern"],
    "volunteer": ["Coding mentor", "Наставник", "Event organiser"],
    "degree": [
        "MSc Computer Science",
        "B.Sc. Physics",
        "Бакалавр прикладной математики",
        "PhD in Linguistics",
    ],
    "course": [
        "Strojové učení v praxi",
        "Deep Learning Specialization",
        "Курс по базам данных",
        "Go in Practice",
    ],
    "project": ["Jízdní řády — open timetable API", "csv2sql", "Трекер привычек", "homelab"],
    "certification": [
        "Certified Kubernetes Administrator",
        "AWS Solutions Architect – Associate",
        "IELTS 8.0",
    ],
    "award": ["Hackathon winner — Mobilita 2022", "Employee of the year", "Премия «Прорыв»"],
    "publication": ["Scaling search at a travel company", "Заметки о Go", "On caching"],
}
ORGS = [
    "Kiwi.com",
    "Seznam.cz",
    "ČVUT v Praze",
    "Яндекс",
    "Müller & Söhne GmbH",
    "Open source",
    "",
    "Dr. Oetker",
]
SKILLS = ["Python", "Django", "PostgreSQL", "Go", "Kubernetes", "GTFS", "pandas", "Kafka", "React", "1С"]
JOBS = [
    "You will build APIs in Python and Django on PostgreSQL, deploy with Docker and Kubernetes.",
    "We are looking for a Go developer (e.g. gRPC, Kafka). Experience with AWS is required!",
    "Ищем аналитика: SQL, Python, Airflow.",
    "",
    "Data engineer: Spark, dbt and Snowflake. You'll own our pipelines.",
]


def _item(rng: random.Random, kind: str) -> dict:
    start = date(2010, 1, 1) + timedelta(days=rng.randrange(0, 5000))
    end = rng.choice([None, start + timedelta(days=rng.randrange(30, 1500))])
    if rng.random() < 0.15:
        start = end = None  # undated
    lines = rng.sample(VERB_LINES, rng.randint(0, 2)) + rng.sample(OTHER_LINES, rng.randint(0, 2))
    rng.shuffle(lines)
    return {
        "type": kind,
        "title": rng.choice(TITLES[kind]),
        "organization": rng.choice(ORGS),
        "location": "",
        "start": start.isoformat() if start else "",
        "end": end.isoformat() if end else "",
        "description": rng.choice(
            ["", "Search and booking APIs for millions of travellers.", "Owned the API."]
        ),
        "highlights": lines,
        "skills": rng.sample(SKILLS, rng.randint(0, 3)),
        "url": "",
    }


def generated_profiles(count=200, seed=21):
    rng = random.Random(seed)
    kinds = list(TITLES)
    for index in range(count):
        # Every kind appears in the first nine sets on its own, then in random mixes.
        chosen = [kinds[index]] if index < len(kinds) else rng.sample(kinds, rng.randint(1, 6))
        experience = [_item(rng, kind) for kind in chosen for _ in range(rng.randint(1, 2))]
        experience.sort(
            key=lambda i: (not i["end"] and bool(i["start"]), i["end"] or i["start"]), reverse=True
        )
        profile = {
            "name": rng.choice(["Zoë Brontë", "Иван Петров", "Ana"]),
            "headline": rng.choice(["", "Backend Developer"]),
            "email": "",
            "location": "",
            "experience": experience,
            "skills": [
                {"name": s, "category": "other", "proficiency": "advanced"} for s in rng.sample(SKILLS, 2)
            ],
        }
        job = analyse_job(
            title=rng.choice(["Backend Engineer", "", "Аналитик"]),
            company=rng.choice(["Brno Cloud s.r.o.", "", "Fjord"]),
            description=rng.choice(JOBS),
            profile=profile,
        )
        yield profile, job


def split_sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def check_sentences(text: str, group: str, language: str = "en", *, titles=()) -> list[str]:
    """Every sentence of ``text`` an instance of one of ``group``'s templates; returns the sentences."""
    found = split_sentences(text)
    for sentence in found:
        assert matching_template(sentence, language, group), (
            f"{sentence!r} matches no {language} {group} template"
        )
        stray = r"\s[,.;]" if language == "fr" else r"\s[,.;:]"  # French sets a space before a colon
        assert "{" not in sentence and "  " not in sentence and not re.search(stray, sentence), sentence
        assert sentence[0].isupper() or sentence[0] in "“«„", sentence
        if language == "en":
            for word in AFTER_I.findall(sentence):
                assert word.casefold() in PAST_TENSE["en"] | OWN_VERBS, f"'I {word}' in {sentence!r}"
    for title in titles:
        assert not re.search(rf"\b[Aa]s {re.escape(tidy(title))}(?![\w])", text), f"'As {title}' in {text!r}"
    return found


def check_letter(letter: str, education_titles) -> None:
    paragraphs = letter.split("\n\n")
    assert re.fullmatch(r"Dear (?:.+ )?hiring team,", paragraphs[0]), paragraphs[0]
    assert re.fullmatch(r"Kind regards,\n.+", paragraphs[-1]), paragraphs[-1]
    for paragraph in paragraphs[1:-1]:
        if paragraph.startswith("Some details in my own words:\n"):
            bullets = paragraph.split("\n")[1:]
            assert bullets and all(re.fullmatch(r"• .+ \(.+\)", b) for b in bullets), paragraph
            continue
        check_sentences(paragraph, "letter", titles=education_titles)


def check_hints(questions: dict, education_titles) -> None:
    for group in ("technical", "behavioural", "company"):
        assert questions[group]
        for item in questions[group]:
            check_sentences(item["hint"], "hints", titles=education_titles)


def _education_titles(profile):
    return [i["title"] for i in profile["experience"] if i["type"] in ("course", "degree")]


def test_two_hundred_generated_records_read_like_a_person_wrote_them():
    seen_keys: set[str] = set()
    for profile, job in generated_profiles():
        education = _education_titles(profile)
        letter = cover_letter({"profile": profile, "job": job})
        check_letter(letter, education)
        for paragraph in letter.split("\n\n")[1:-1]:
            if not paragraph.startswith("Some details"):
                seen_keys.update(matching_template(s, "en", "letter") for s in split_sentences(paragraph))
        check_hints(interview_questions({"profile": profile, "job": job}), education)

        resume = generate_resume({"profile": profile, "user_input": "", "input_skills": []})
        check_sentences(resume["basics"]["summary"], "summary", titles=education)
        months = sum(1 for i in profile["experience"] if i["type"] in ("job", "internship")) * 14
        for language in LANGUAGES:
            summary = person_summary(
                items=profile["experience"],
                work_months=months,
                strongest=SKILLS[:3],
                role="",
                language=language,
            )
            check_sentences(summary, "summary", language, titles=education if language == "en" else ())
    # The generator reaches every kind's grammar, woven and quoted alike.
    for key in ("role_clause", "role_skills_clause", "degree_clause", "course_skills", "course_plain",
                "project_clause", "volunteer_clause", "certification_plain", "award_plain", "publication_plain"):  # fmt: skip
        assert key in seen_keys, key


def test_highlights_are_woven_only_after_a_verb():
    profile, job = next(generated_profiles(1))
    course = {
        "type": "course", "title": "Strojové učení v praxi", "organization": "ČVUT v Praze", "start": "2024-02-19",
        "end": "2024-05-31", "description": "", "skills": ["Python"], "url": "", "location": "",
        "highlights": ["Final project: predicting tram delays from GTFS-realtime feeds"],
    }  # fmt: skip
    role = {
        "type": "job", "title": "Senior backend developer", "organization": "Kiwi.com", "start": "2021-03-01",
        "end": "", "description": "", "skills": ["Python"], "url": "", "location": "",
        "highlights": ["1.2 k stars", "Cut p95 latency of itinerary search by 40%"],
    }  # fmt: skip
    profile = {**profile, "experience": [role, course]}
    job = analyse_job(title="Backend Engineer", company="Fjord", description="Python work.", profile=profile)
    letter = cover_letter({"profile": profile, "job": job})
    assert (
        "As Senior backend developer at Kiwi.com, working with Python, I cut p95 latency of itinerary search by 40%."
        in letter
    )
    assert "The course “Strojové učení v praxi” at ČVUT v Praze gave me practice with Python." in letter
    assert (
        "• Final project: predicting tram delays from GTFS-realtime feeds (Strojové učení v praxi, ČVUT v Praze)"
        in letter
    )
    assert "I final" not in letter and "As Strojové" not in letter


@pytest.mark.django_db
def test_the_demo_data_reads_like_a_person_wrote_it(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the rebuilds run after commit, as in production
        call_command("seed_demo", stdout=io.StringIO())
    demo = User.objects.get(username="demo")
    profile = user_profile(user=demo)
    education = _education_titles(profile)
    auto = Resume.objects.get(user=demo, is_auto=True).content["basics"]["summary"]
    check_sentences(auto, "summary", titles=education)
    assert auto.startswith("Senior backend developer at Kiwi.com with ")
    assert "degree" not in auto and "course" not in auto and "Also" not in auto
    assert "GTFS" in {s.name for s in demo.skills.all()}  # the user's casing, not "Gtfs"

    client = Client()
    client.force_login(demo)
    for application in demo.applications.all()[:5]:
        response = client.post(
            "/api/v1/ai/cover-letter/",
            {"model": "Offline", "application": application.pk},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        check_letter(response.json()["cover_letter"], education)
        response = client.post(
            "/api/v1/ai/interview-questions/",
            {"model": "Offline", "application": application.pk},
            content_type="application/json",
        )
        check_hints(response.json(), education)
    generated = Resume.objects.get(user=demo, title__contains="(AI, offline)").content["basics"]["summary"]
    check_sentences(generated, "summary", titles=education)
