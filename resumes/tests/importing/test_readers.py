# ruff: noqa: RUF001  (dates and headings in Russian, German, French and Spanish are the point)
import datetime as dt
import json

import pytest

from resumes.importing import json_resume, layout, linkedin, reactive_resume
from resumes.importing.fields import find_date_range, parse_date_text, section_key

from . import corpus


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("03/2021 – по настоящее время", "2021-03-01", None, True),
        ("2019 – по настоящее время", "2019-01-01", None, True),
        ("März 2021 – heute", "2021-03-01", None, True),
        ("Sep 2024", "2024-09-01", None, False),
        ("01.2018 - 12.2020", "2018-01-01", "2020-12-01", False),
        ("janvier 2020 - aujourd'hui", "2020-01-01", None, True),
        ("ene 2019 - actualidad", "2019-01-01", None, True),
        ("Dec 2013 – Current", "2013-12-01", None, True),
    ],
)
def test_date_ranges_in_common_formats_and_languages(text, start, end, ongoing):
    found = find_date_range(text)
    assert (found.start.isoformat(), found.end.isoformat() if found.end else None, found.ongoing) == (
        start,
        end,
        ongoing,
    )


def test_a_dash_with_nothing_after_it_is_open_ended_not_one_date():
    assert find_date_range("Aug 2016").open_ended is False
    assert find_date_range("Aug 2016 –").open_ended is True
    assert find_date_range("Aug 2016 – Present").open_ended is False


def test_one_printed_date_is_start_and_end_while_a_dangling_dash_stays_open():
    lines = [
        layout.Line("Kim Lee", size=20, bold=True),
        layout.Line("Experience", size=13, bold=True),
        layout.Line("Developer · Acme Inc · Mar 2019 –", bold=True),
        layout.Line("Projects", size=13, bold=True),
        layout.Line("Hack day · Jun 2020", bold=True),
        layout.Line("Roles: Organiser, Speaker"),
    ]

    job, project = layout.draft_from_lines(lines)["achievements"]

    assert (job["start_date"], job["end_date"]) == ("2019-03-01", "")
    assert (project["start_date"], project["end_date"]) == ("2020-06-01", "2020-06-01")
    assert (project["organization"], project["roles"]) == ("", ["Organiser", "Speaker"])


def test_a_year_inside_a_sentence_is_not_a_date_range():
    assert find_date_range("Grew revenue in 2019 by a fifth across the whole region") is None


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Опыт работы", "work"),
        ("BERUFSERFAHRUNG", "work"),
        ("Expérience professionnelle", "work"),
        ("Experiencia laboral", "work"),
        ("Образование", "education"),
        ("Kenntnisse:", "skills"),
    ],
)
def test_section_synonyms(heading, key):
    assert section_key(heading) == key


def test_parse_date_text():
    assert parse_date_text("Current") == (None, True)
    assert parse_date_text("heute") == (None, True)
    assert parse_date_text("Sep 2024") == (dt.date(2024, 9, 1), False)
    assert parse_date_text("") == (None, False)


def test_json_resume_deviations_become_warnings():
    document = {
        "basics": {"name": "Real File"},
        "work": [
            {"name": "A", "position": "Dev", "startDate": "2019-01", "endDate": "Current"},
            {"name": "B", "position": "Dev", "startDate": "2015", "endDate": ""},
            {"name": "C", "position": "Dev", "startDate": "Sep 2012", "endDate": None},
        ],
        "publications": [{"name": "Paper", "publisher": None, "releaseDate": "2020"}],
        "references": 0,
    }
    draft = json_resume.draft_from_document(document)
    ends = [(a["organization"], a["start_date"], a["end_date"]) for a in draft["achievements"][:3]]
    assert ends == [("A", "2019-01-01", ""), ("B", "2015-01-01", ""), ("C", "2012-09-01", "")]
    assert "work[0].endDate 'Current' read as ongoing." in draft["warnings"]
    assert "work[2].startDate 'Sep 2012' read as 2012-09." in draft["warnings"]
    assert any(w.startswith("references: 0 is not a list") for w in draft["warnings"])
    assert draft["achievements"][3]["organization"] == ""


V4 = {
    "basics": {
        "name": "Riley",
        "headline": "Engineer",
        "email": "r@example.com",
        "url": {"href": "https://r.dev"},
    },
    "sections": {
        "summary": {"content": "<p>Builds things.</p>"},
        "experience": {
            "items": [
                {
                    "company": "Acme Inc.",
                    "position": "Developer",
                    "date": "Jan 2020 - Present",
                    "summary": "<ul><li>Shipped it</li><li>Kept it up</li></ul>",
                    "visible": True,
                }
            ]
        },
        "skills": {"items": [{"name": "Backend", "keywords": ["Python", "js"], "level": 4}]},
        "languages": {"items": [{"name": "French", "description": "Fluent"}]},
    },
    "metadata": {"template": "rhyhorn"},
}
V5 = {
    "basics": {"name": "Sam", "headline": "Designer", "website": {"url": "https://sam.design", "label": ""}},
    "summary": {"content": "<p>Designs.</p>"},
    "sections": {
        "experience": {
            "items": [
                {
                    "company": "Globex",
                    "position": "Designer",
                    "period": "2018 - 2021",
                    "description": "<p>Led design.</p>",
                    "hidden": False,
                },
                {"company": "Hidden Co", "position": "X", "period": "2010", "hidden": True},
            ]
        },
        "education": {
            "items": [
                {"school": "RCA", "degree": "Master of Arts", "area": "Design", "period": "2016 - 2018"}
            ]
        },
        "certifications": {"items": [{"title": "UX Cert", "issuer": "NN/g", "date": "March 2023"}]},
    },
    "customSections": [],
    "metadata": {},
}


def test_reactive_resume_v4_and_v5():
    v4 = reactive_resume.draft_from_document(V4)
    job = v4["achievements"][0]
    assert (job["organization"], job["title"], job["start_date"], job["end_date"]) == (
        "Acme Inc.",
        "Developer",
        "2020-01-01",
        "",
    )
    assert job["highlights"] == ["Shipped it", "Kept it up"]
    assert v4["basics"]["summary"] == "Builds things." and v4["basics"]["url"] == "https://r.dev"
    assert {"Python", "JavaScript", "French"} <= {s["name"] for s in v4["skills"]}
    v5 = reactive_resume.draft_from_document(V5)
    assert [(a["type"], a["organization"]) for a in v5["achievements"]] == [
        ("job", "Globex"),
        ("degree", "RCA"),
        ("certification", "NN/g"),
    ]
    assert v5["achievements"][2]["start_date"] == v5["achievements"][2]["end_date"] == "2023-03-01"
    assert v5["basics"]["label"] == "Designer"


def test_linkedin_quirks():
    draft, _ = linkedin.parse(corpus.linkedin_zip().data)
    first = draft["achievements"][0]
    assert first["description"] == "Built things."
    assert first["highlights"] == ["Shipped feature 0", "Mentored 0"]
    assert first["end_date"] == "" and first["start_date"] == "2024-01-01"
    degree = next(a for a in draft["achievements"] if a["type"] == "degree")
    assert (degree["title"], degree["organization"], degree["start_date"]) == (
        "Master of Science",
        "Technische Universität München",
        "2010-01-01",
    )
    cert = next(a for a in draft["achievements"] if a["type"] == "certification")
    assert cert["organization"] == "CNCF" and cert["url"] == "https://cncf.io"
    assert (
        draft["basics"]["url"] == "https://kim.example.com" and draft["basics"]["email"] == "kim@example.com"
    )
    assert not any(a["type"] == "project" for a in draft["achievements"])  # no Projects.csv: no data


def test_linkedin_with_200_positions():
    draft, _ = linkedin.parse(corpus.linkedin_zip(200).data)
    assert sum(a["type"] == "job" for a in draft["achievements"]) == 200
    json.dumps(draft)
