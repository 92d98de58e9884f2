"""Resume export: first PDF and DOCX render of a two-page resume per template, and a cached re-export.

Wire into ``resumes/bench.py`` with ``results += bench_export.run()``.
"""

import io

from django.core.cache import cache
from pypdf import PdfReader

from accounts.tests.factories import UserFactory
from resumate.bench import Result, timed

from .exporters.docx import cached_docx, render_docx
from .exporters.pdf import TEMPLATES, cached_pdf, render_pdf
from .models import Resume

# Two A4 pages in every template (checked below and reported in the note).
ENTRIES = 9


def _two_page_content() -> dict:
    work = [
        {
            "name": f"Company {n} — Łódź",
            "position": f"Senior engineer {n}",
            "location": "Kraków",
            "startDate": f"{2010 + n}-03",
            "endDate": f"{2011 + n}-02",
            "summary": "Built and ran payment services used by millions of people every day. " * 2,
            "highlights": [
                f"Highlight {h}: cut latency by {10 + h} % for Ελλάδα and Россия" for h in range(3)
            ],
        }
        for n in range(ENTRIES)
    ]
    return {
        "basics": {
            "name": "Zoë Łukasiewicz-Ångström",
            "label": "Инженер-программист",
            "email": "zoe@example.com",
            "summary": "Μηχανικός λογισμικού με δεκαετή εμπειρία. " * 3,
        },
        "work": work,
        "education": [
            {"institution": "Uniwersytet Jagielloński", "studyType": "Master", "area": "Informatyka"}
        ],
        "skills": [
            {"name": "Backend", "level": "Expert", "keywords": ["Python", "PostgreSQL", "Django", "Go"]}
        ],
        "languages": [{"language": "Polski", "fluency": "Native speaker"}],
    }


def run():
    user = UserFactory()
    resume = Resume.objects.create(user=user, title="Benchmark", content=_two_page_content())
    # The font files and templates load once per process; measure warm renders, as a server sees them.
    render_pdf(resume.content, template="classic", paper="a4")
    results = []
    for template in TEMPLATES:
        pages = len(PdfReader(io.BytesIO(render_pdf(resume.content, template=template, paper="a4"))).pages)

        def first():
            cache.clear()
            cached_pdf(resume, template=template, paper="a4")  # noqa: B023 (runs inside this iteration)

        def again():
            cached_pdf(resume, template=template, paper="a4")  # noqa: B023

        first_s = timed(first, repeat=3)
        cached_pdf(resume, template=template, paper="a4")
        cached_s = timed(again, repeat=20)
        results.append(
            Result(
                f"PDF first render, {template} template, A4",
                first_s * 1000,
                "ms",
                note=f"{pages} pages, Latin/Cyrillic/Greek text, DejaVu faces embedded; median of 3",
            )
        )
        results.append(
            Result(
                f"PDF cached re-export, {template} template, A4",
                cached_s * 1000,
                "ms",
                f"first render ({template})",
                first_s * 1000,
                f"{cached_s / first_s:.2%} of the first render; served from the cache backend; median of 20",
            )
        )
    results += _docx_results(resume)
    cache.clear()
    return results


def _docx_results(resume):
    render_docx(resume.content, template="classic", paper="a4")  # warm: template file, python-docx
    results = []
    for template in TEMPLATES:

        def first():
            cache.clear()
            cached_docx(resume, template=template, paper="a4")  # noqa: B023

        def again():
            cached_docx(resume, template=template, paper="a4")  # noqa: B023

        first_s = timed(first, repeat=5)
        cached_docx(resume, template=template, paper="a4")
        cached_s = timed(again, repeat=20)
        # The one-page DOCX reuses the one-page fit, which the first render here computes from scratch.
        note = "includes finding the one-page fit (trial PDF renders)" if template == "onepage" else ""
        results.append(
            Result(
                f"DOCX first render, {template} template, A4",
                first_s * 1000,
                "ms",
                note=note or "median of 5",
            )
        )
        results.append(
            Result(
                f"DOCX cached re-export, {template} template, A4",
                cached_s * 1000,
                "ms",
                f"first render ({template})",
                first_s * 1000,
                f"{cached_s / first_s:.2%} of the first render; median of 20",
            )
        )
    return results
