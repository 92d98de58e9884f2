"""Documents for the export / import tests: the official JSON Resume sample and our own unusual ones."""

import copy
import json
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "jsonresume"


def official_schema() -> dict:
    return json.loads((FIXTURES / "schema.json").read_text(encoding="utf-8"))


def official_sample() -> dict:
    return json.loads((FIXTURES / "sample.resume.json").read_text(encoding="utf-8"))


# Latin with diacritics, Cyrillic and Greek, each in names and in running text.
NAME = "Zoë Łukasiewicz-Ångström"
CYRILLIC_LABEL = "Инженер-программист"
GREEK_SUMMARY = "Μηχανικός λογισμικού με δεκαετή εμπειρία"
CYRILLIC_COMPANY = "Яндекс Технологии"
GREEK_POSITION = "Αρχιτέκτονας λογισμικού"
LATIN_HIGHLIGHT = "Réduit la latence de 40 % à São Paulo et Kraków"

UNICODE_RESUME = {
    "basics": {
        "name": NAME,
        "label": CYRILLIC_LABEL,
        "email": "zoe@example.com",
        "summary": GREEK_SUMMARY,
        "location": {"city": "Łódź", "countryCode": "PL"},
        "profiles": [{"network": "GitHub", "username": "zoe-l", "url": "https://github.com/zoe-l"}],
    },
    "work": [
        {
            "name": CYRILLIC_COMPANY,
            "position": GREEK_POSITION,
            "location": "Москва",
            "startDate": "2019-05",
            "summary": "Платформа данных для поиска.",
            "highlights": [LATIN_HIGHLIGHT, "Σχεδίασε το σύστημα αναζήτησης"],
        },
        {"name": "Café Crème SARL", "position": "Développeuse", "startDate": "2015", "endDate": "2019"},
    ],
    "education": [
        {
            "institution": "Uniwersytet Jagielloński",
            "area": "Informatyka",
            "studyType": "Master",
            "startDate": "2010-10-01",
            "endDate": "2015-06-30",
            "courses": ["Αλγόριθμοι", "Базы данных"],
        }
    ],
    "skills": [{"name": "Backend", "level": "Expert", "keywords": ["Python", "PostgreSQL", "Django"]}],
    "languages": [
        {"language": "Polski", "fluency": "Native speaker"},
        {"language": "Русский", "fluency": "C1"},
    ],
}

LONG_HIGHLIGHT = " ".join(["Migrated the ledger to event sourcing without downtime"] * 30)

# Valid but unusual: only some sections, partial dates, no basics name, a very long highlight.
SPARSE_RESUME = {
    "work": [
        {"name": "Acme", "startDate": "2019"},
        {"position": "Intern", "startDate": "2018-06", "endDate": "2018-09", "highlights": [LONG_HIGHLIGHT]},
    ],
    "projects": [{"name": "ŁódźBike", "keywords": ["Go", "Kubernetes"], "startDate": "2021-02"}],
    "certificates": [{"name": "CKA", "issuer": "CNCF", "date": "2022"}],
    "awards": [{"title": "Hackathon winner", "date": "2020-11"}],
    "volunteer": [{"organization": "Кодерское сообщество", "startDate": "2017"}],
    "publications": [{"name": "On δ-compression", "releaseDate": "2016"}],
}


def with_entries(count: int) -> dict:
    """A resume long enough to run over two pages: ``count`` jobs with numbered headings."""
    document = copy.deepcopy(UNICODE_RESUME)
    document["work"] = [
        {
            "name": f"Company {n}",
            "position": f"Role {n}",
            "startDate": f"{2000 + n}-01",
            "endDate": f"{2001 + n}-01",
            "summary": f"First line {n}. " + "Built and ran services for many people every day. " * 3,
            "highlights": [f"Highlight {n}.{h} delivered on time and under budget" for h in range(3)],
        }
        for n in range(count)
    ]
    return document
