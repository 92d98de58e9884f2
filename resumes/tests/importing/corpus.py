# ruff: noqa: RUF001, RUF002  (Cyrillic, Greek, accents and dashes are the point of this corpus)
"""The measured import corpus, generated: our own PDFs and DOCX in every template, hand-built PDFs and DOCX in
other layouts (two columns, Russian and German headings, dates as 03/2021, März 2021,
"2019 – по настоящее время"), and LinkedIn ZIPs with the export's quirks.

Each sample carries its truth, section by section: the entries a reader must recover (work, education,
projects and the other achievement sections: organisation, title, start, end), the contact fields, the
skills and the spoken languages. ``measure`` gives field-level precision and recall per section; tests
and ``make bench`` share it.
"""

import copy
import csv
import io
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import docx
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from resumes.exporters.docx import render_docx
from resumes.exporters.pdf import FONT_DIR, TEMPLATES, render_pdf
from resumes.importers import SECTION_MAPPERS, skill_rows
from resumes.importing import registry
from resumes.importing.fields import fold
from resumes.models import SkillCategory
from resumes.skills import canonical_skill_name

from ..export_data import UNICODE_RESUME, official_sample

ENTRY_FIELDS = ("organization", "title", "start", "end")
WORK_FIELDS = ENTRY_FIELDS
CONTACT_FIELDS = ("name", "email", "phone")
# Entry section -> the achievement types a reader files under it.
ENTRY_SECTIONS = {
    "work": ("job", "internship"),
    "education": ("degree", "course"),
    "projects": ("project",),
    "certificates": ("certification",),
    "awards": ("award",),
    "publications": ("publication",),
    "volunteer": ("volunteer",),
}
SECTION_FIELDS = {
    **dict.fromkeys(ENTRY_SECTIONS, ENTRY_FIELDS),
    "contact": CONTACT_FIELDS,
    "skills": ("name",),
    "languages": ("name",),
}
SPOKEN = SkillCategory.SPOKEN_LANGUAGE


@dataclass
class Sample:
    name: str
    kind: str  # pdf, docx, linkedin
    family: str  # "own" / "ats" (our templates / our ATS template; "-docx" for our DOCX), "other"
    data: bytes
    # Section -> what a reader must recover; a section left out holds nothing.
    truth: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def work(self) -> list[dict]:
        return self.truth.get("work", [])


def _month(value) -> str:
    return value.isoformat()[:7] if value else ""


def truth_from_json(document: dict) -> dict[str, list[dict]]:
    """What the document holds, mapped to achievements the way the JSON Resume import maps it."""
    truth = {
        section: [
            {
                "organization": row["organization"] or "",
                "title": row["title"] or "",
                "start": _month(row["start_date"]),
                "end": _month(row["end_date"]),
            }
            for row in map(SECTION_MAPPERS[section], document.get(section) or [])
        ]
        for section in ENTRY_SECTIONS
    }
    basics = document.get("basics") or {}
    truth["contact"] = [{f: basics.get(f, "") for f in CONTACT_FIELDS}]
    rows = skill_rows(document)
    truth["skills"] = [{"name": name} for name, category, *_ in rows if category != SPOKEN]
    truth["languages"] = [{"name": name} for name, category, *_ in rows if category == SPOKEN]
    return truth


def _truth(*, contact, work, education=(), skills=(), languages=(), **sections) -> dict[str, list[dict]]:
    """A hand-built sample's truth: entries as (organisation, title, start, end) tuples, skills as names."""

    def entries(rows):
        return [dict(zip(ENTRY_FIELDS, row, strict=True)) for row in rows]

    return {
        "contact": [dict(zip(CONTACT_FIELDS, contact, strict=True))],
        "work": entries(work),
        "education": entries(education),
        **{section: entries(rows) for section, rows in sections.items()},
        "skills": [{"name": canonical_skill_name(s)} for s in skills],
        "languages": [{"name": canonical_skill_name(s)} for s in languages],
    }


CAREER = {
    "basics": {
        "name": "Ana María Fernández",
        "label": "Staff Engineer",
        "email": "ana@example.com",
        "phone": "+34 600 123 456",
        "summary": "Backend engineer who builds payment systems.",
    },
    "work": [
        {
            "name": "Stripe Inc.",
            "position": "Staff Engineer",
            "startDate": "2021-03",
            "location": "Dublin",
            "highlights": ["Cut payout latency by 38%", "Led a team of 6 engineers"],
        },
        {
            "name": "Globex Corporation",
            "position": "Senior Software Engineer",
            "startDate": "2017-09",
            "endDate": "2021-02",
            "highlights": ["Moved 40 services to Kubernetes", "Wrote the on-call guide"],
        },
        {
            "name": "Initech",
            "position": "Software Developer",
            "startDate": "2014-06",
            "endDate": "2017-08",
            "summary": "Billing and invoicing in Python and PostgreSQL.",
        },
        {
            "name": "Umbrella Labs",
            "position": "Junior Developer",
            "startDate": "2012-01",
            "endDate": "2014-05",
        },
    ],
    "education": [
        {
            "institution": "Universidad de Sevilla",
            "studyType": "Master",
            "area": "Computer Science",
            "startDate": "2010",
            "endDate": "2012",
        }
    ],
    "skills": [{"name": "Backend", "keywords": ["Python", "Go", "PostgreSQL", "Kubernetes"]}],
    "languages": [{"language": "Spanish", "fluency": "Native"}, {"language": "English", "fluency": "C1"}],
}

GREEK_CYRILLIC = {
    "basics": {"name": "Νίκος Παπαδόπουλος", "label": "Μηχανικός λογισμικού", "email": "nikos@example.gr"},
    "work": [
        {
            "name": "Τράπεζα Πειραιώς",
            "position": "Αρχιτέκτονας λογισμικού",
            "startDate": "2020-02",
            "highlights": ["Σχεδίασε το σύστημα πληρωμών"],
        },
        {
            "name": "ООО Ромашка",
            "position": "Ведущий разработчик",
            "startDate": "2016-04",
            "endDate": "2020-01",
            "highlights": ["Перевёл сервисы на Go"],
        },
    ],
    "education": [
        {
            "institution": "Εθνικό Μετσόβιο Πολυτεχνείο",
            "studyType": "Diploma",
            "area": "Πληροφορική",
            "startDate": "2010",
            "endDate": "2015",
        }
    ],
}

OWN_DOCUMENTS = {
    "official-sample": official_sample(),
    "unicode": UNICODE_RESUME,
    "career": CAREER,
    "greek-cyrillic": GREEK_CYRILLIC,
}


# Our exporters by file kind; the PDF families keep their names, the DOCX ones are suffixed.
OWN_RENDERERS = {"pdf": (render_pdf, ""), "docx": (render_docx, "-docx")}


def own_samples() -> list[Sample]:
    samples = []
    for kind, (render, suffix) in OWN_RENDERERS.items():
        for doc_name, document in OWN_DOCUMENTS.items():
            for template in TEMPLATES:
                samples.append(
                    Sample(
                        name=f"own/{kind}/{template}/{doc_name}",
                        kind=kind,
                        family=("ats" if template == "ats" else "own") + suffix,
                        data=render(copy.deepcopy(document), template=template, paper="a4"),
                        truth=truth_from_json(document),
                    )
                )
    return samples


# --- Hand-built PDFs (reportlab) ----------------------------------------------------------------


def _fonts():
    if "DV" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DV", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DV-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))


class _Writer:
    def __init__(self, left=50, width=None):
        _fonts()
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=A4)
        self.left, self.y = left, A4[1] - 50
        self.width = width or A4[0] - 100

    def line(self, text, *, size=10, bold=False, x=None, gap=0, right=None):
        self.y -= gap
        if self.y < 60:
            self.canvas.showPage()
            self.y = A4[1] - 50
        self.canvas.setFont("DV-Bold" if bold else "DV", size)
        self.canvas.drawString(x if x is not None else self.left, self.y, text)
        if right:
            self.canvas.setFont("DV", size)
            self.canvas.drawRightString(self.left + self.width, self.y, right)
        self.y -= size * 1.35

    def pdf(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()


def two_column_pdf() -> Sample:
    """Sidebar (contacts, skills) beside a main column; dates right-aligned on the title line."""
    w = _Writer(left=200, width=345)
    jobs = [
        ("Senior Data Engineer", "Northwind Traders Ltd", "03/2021 – Present", "2021-03", ""),
        ("Data Engineer", "Contoso Bank", "09/2018 – 02/2021", "2018-09", "2021-02"),
        ("Business Analyst", "Fabrikam GmbH", "01/2016 – 08/2018", "2016-01", "2018-08"),
    ]
    side = [
        "Jordan Miles",
        "",
        "CONTACT",
        "jordan@example.com",
        "+44 20 7946 0958",
        "London, UK",
        "",
        "SKILLS",
        "Python",
        "Spark",
        "Airflow",
        "SQL",
    ]
    top = w.y
    w.canvas.setFont("DV-Bold", 18)
    w.canvas.drawString(40, top, side[0])
    y = top - 30
    for text in side[2:]:
        bold = text.isupper()
        w.canvas.setFont("DV-Bold" if bold else "DV", 9)
        w.canvas.drawString(40, y, text)
        y -= 14
    w.line("EXPERIENCE", size=12, bold=True)
    for title, company, dates, _, _ in jobs:
        w.line(title, bold=True, gap=8, right=dates)
        w.line(company)
        for n in range(3):
            w.line(f"• Delivered pipeline number {n + 1} that cut cost by {10 + n} percent", size=9)
    w.line("EDUCATION", size=12, bold=True, gap=10)
    w.line("BSc Mathematics", bold=True, right="2012 – 2015")
    w.line("University of Leeds")
    truth = _truth(
        contact=(side[0], side[3], side[4]),
        work=[(c, t, s, e) for t, c, _, s, e in jobs],
        education=[("University of Leeds", "BSc Mathematics", "2012-01", "2015-01")],
        skills=side[8:],
    )
    return Sample("other/two-column", "pdf", "other", w.pdf(), truth)


def russian_pdf() -> Sample:
    """Russian headings; company, title and dates on separate lines; "по настоящее время"."""
    w = _Writer()
    w.line("Иван Петров", size=20, bold=True)
    w.line("Backend-разработчик", size=11)
    w.line("ivan.petrov@example.ru · +7 912 345-67-89 · Москва", size=9)
    w.line("Опыт работы", size=13, bold=True, gap=10)
    jobs = [
        ("ООО «Ромашка»", "Ведущий разработчик", "03/2021 – по настоящее время", "2021-03", ""),
        ("АО Сбербанк-Технологии", "Старший программист", "2019 – 2021", "2019-01", "2021-01"),
        ("ПАО Ростелеком", "Инженер-программист", "06.2015 – 12.2018", "2015-06", "2018-12"),
    ]
    for company, title, dates, _, _ in jobs:
        w.line(company, bold=True, gap=8)
        w.line(title)
        w.line(dates, size=9)
        w.line("• Разработал сервис платежей на Go, ускорил ответы на 30%", size=9)
        w.line("• Настроил CI/CD и мониторинг", size=9)
    w.line("Образование", size=13, bold=True, gap=10)
    w.line("МГУ им. Ломоносова", bold=True)
    w.line("Магистр, прикладная математика")
    w.line("2009 – 2015", size=9)
    w.line("Навыки", size=13, bold=True, gap=10)
    w.line("Go, Python, PostgreSQL, Kafka, Docker")
    truth = _truth(
        contact=("Иван Петров", "ivan.petrov@example.ru", "+7 912 345-67-89"),
        work=[(c, t, s, e) for c, t, _, s, e in jobs],
        education=[("МГУ им. Ломоносова", "Магистр, прикладная математика", "2009-01", "2015-01")],
        skills=["Go", "Python", "PostgreSQL", "Kafka", "Docker"],
    )
    return Sample("other/russian", "pdf", "other", w.pdf(), truth)


def german_pdf() -> Sample:
    """German headings; "Title – Company" on one line, "März 2021 – heute" below."""
    w = _Writer()
    w.line("Lena Schäfer", size=20, bold=True)
    w.line("lena.schaefer@example.de | +49 30 1234567 | Berlin", size=9)
    w.line("Berufserfahrung", size=13, bold=True, gap=10)
    jobs = [
        ("Softwareentwicklerin", "Siemens AG", "März 2021 – heute", "2021-03", ""),
        ("Werkstudentin Entwicklung", "Zalando SE", "Okt. 2018 – Feb. 2021", "2018-10", "2021-02"),
        ("Praktikantin IT", "Deutsche Bahn AG", "Apr 2018 – Sep 2018", "2018-04", "2018-09"),
    ]
    for title, company, dates, _, _ in jobs:
        w.line(f"{title} – {company}", bold=True, gap=8)
        w.line(f"{dates}, Berlin", size=9)
        w.line("• Entwicklung von Microservices mit Java und Kotlin", size=9)
        w.line("• Reduzierte die Buildzeit um 40 %", size=9)
    w.line("Ausbildung", size=13, bold=True, gap=10)
    w.line("Master Informatik – Technische Universität Berlin", bold=True)
    w.line("2016 – 2018", size=9)
    w.line("Kenntnisse", size=13, bold=True, gap=10)
    w.line("Java, Kotlin, Spring, Docker")
    truth = _truth(
        contact=("Lena Schäfer", "lena.schaefer@example.de", "+49 30 1234567"),
        work=[(c, t, s, e) for t, c, _, s, e in jobs],
        education=[("Technische Universität Berlin", "Master Informatik", "2016-01", "2018-01")],
        skills=["Java", "Kotlin", "Spring", "Docker"],
    )
    return Sample("other/german", "pdf", "other", w.pdf(), truth)


def docx_sample() -> Sample:
    """A Word resume: heading styles, bold entry lines, list bullets, a date line below."""
    document = docx.Document()
    document.add_heading("Marta Kowalska", level=0)
    document.add_paragraph("marta@example.pl · +48 600 700 800 · Kraków")
    document.add_heading("Work experience", level=1)
    jobs = [
        ("Product Designer", "Allegro sp. z o.o.", "Sep 2020 – Current", "2020-09", ""),
        ("UX Designer", "Comarch SA", "Jan 2017 – Aug 2020", "2017-01", "2020-08"),
    ]
    for title, company, dates, _, _ in jobs:
        head = document.add_paragraph()
        run = head.add_run(f"{title}, {company}")
        run.bold = True
        run.font.size = Pt(11)
        document.add_paragraph(dates)
        document.add_paragraph("Redesigned checkout, conversion up 12%", style="List Bullet")
        document.add_paragraph("Ran 30 usability sessions", style="List Bullet")
    document.add_heading("Education", level=1)
    head = document.add_paragraph()
    head.add_run("Master of Arts, Design — Akademia Sztuk Pięknych").bold = True
    document.add_paragraph("2012 – 2017")
    document.add_heading("Skills", level=1)
    document.add_paragraph("Figma, Sketch, User Research")
    out = io.BytesIO()
    document.save(out)
    truth = _truth(
        contact=("Marta Kowalska", "marta@example.pl", "+48 600 700 800"),
        work=[(c, t, s, e) for t, c, _, s, e in jobs],
        education=[("Akademia Sztuk Pięknych", "Master of Arts, Design", "2012-01", "2017-01")],
        skills=["Figma", "Sketch", "User Research"],
    )
    return Sample("other/docx", "docx", "other", out.getvalue(), truth)


def other_samples() -> list[Sample]:
    return [two_column_pdf(), russian_pdf(), german_pdf(), docx_sample()]


# --- LinkedIn ZIPs ------------------------------------------------------------------------------


def _csv(header: list[str], rows: list[list[str]], *, bom=True, preamble="") -> bytes:
    out = io.StringIO()
    if preamble:
        out.write(preamble)
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def linkedin_zip(positions: int = 3, *, prefix="Basic_LinkedInDataExport_11-23-2026/") -> Sample:
    """A "Download your data" export: folder prefix, BOM, multi-line bullets, no Projects.csv."""
    rows, work = [], []
    for n in range(positions):
        start_year = 2024 - n
        finished = "" if n == 0 else f"{MONTHS[(n + 5) % 12]} {start_year}"
        rows.append(
            [
                f"Company {n} GmbH",
                f"Engineer {n}",
                f"Built things.\n• Shipped feature {n}\n• Mentored {n}",
                "Berlin, Germany",
                f"{MONTHS[n % 12]} {start_year}",
                finished,
            ]
        )
        work.append(
            (
                f"Company {n} GmbH",
                f"Engineer {n}",
                f"{start_year}-{n % 12 + 1:02d}",
                f"{start_year}-{(n + 5) % 12 + 1:02d}" if finished else "",
            )
        )
    files = {
        "Profile.csv": _csv(
            [
                "First Name",
                "Last Name",
                "Maiden Name",
                "Address",
                "Birth Date",
                "Headline",
                "Summary",
                "Industry",
                "Zip Code",
                "Geo Location",
                "Twitter Handles",
                "Websites",
                "Instant Messengers",
            ],
            [
                [
                    "Kim",
                    "Lee",
                    "",
                    "",
                    "",
                    "Platform engineer",
                    "I build platforms.",
                    "Software",
                    "",
                    "Berlin",
                    "",
                    "[PERSONAL:https://kim.example.com]",
                    "",
                ]
            ],
        ),
        "Positions.csv": _csv(
            ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"], rows
        ),
        "Education.csv": _csv(
            ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
            [["Technische Universität München", "2010", "2015", "", "Master of Science", "Chess club"]],
            bom=False,
        ),
        "Skills.csv": _csv(["Name"], [["Python"], ["k8s"], ["PostgreSQL"]]),
        "Languages.csv": _csv(["Name", "Proficiency"], [["German", "Native or bilingual proficiency"]]),
        "Certifications.csv": _csv(
            ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"],
            [["CKA", "https://cncf.io", "CNCF", "Jan 2022", "", "LF-123"]],
        ),
        "Email Addresses.csv": _csv(
            ["Email Address", "Confirmed", "Primary", "Updated On"],
            [["kim@example.com", "Yes", "Yes", "1/1/24"]],
        ),
        "Connections.csv": _csv(
            ["First Name", "Last Name"], [["A", "B"]], preamble="Notes:\nWhen exporting ...\n\n"
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(prefix + name, data)
    truth = _truth(
        contact=("Kim Lee", "kim@example.com", ""),
        work=work,
        education=[("Technische Universität München", "Master of Science", "2010-01", "2015-01")],
        # A certificate has one date; the reader files it as start and end alike.
        certificates=[("CNCF", "CKA", "2022-01", "2022-01")],
        skills=["Python", "k8s", "PostgreSQL"],
        languages=["German"],
    )
    return Sample(f"linkedin/{positions}", "linkedin", "other", out.getvalue(), truth)


def all_samples() -> list[Sample]:
    return own_samples() + other_samples() + [linkedin_zip()]


# --- Scoring ------------------------------------------------------------------------------------

# An empty end date means "still going on": reading it back empty is a hit, not a miss.
EMPTY_IS_AN_ANSWER = {"end"}


def parsed_sections(draft: dict) -> dict[str, list[dict]]:
    """A reader's draft cut the way the truth is: section -> entries with the scored fields."""
    section_of = {kind: section for section, kinds in ENTRY_SECTIONS.items() for kind in kinds}
    sections = {section: [] for section in SECTION_FIELDS}
    for a in draft["achievements"]:
        if a["type"] in section_of:
            sections[section_of[a["type"]]].append(
                {
                    "organization": a["organization"],
                    "title": a["title"],
                    "start": a["start_date"][:7],
                    "end": a["end_date"][:7],
                }
            )
    basics = draft.get("basics") or {}
    sections["contact"] = [{f: basics.get(f, "") for f in CONTACT_FIELDS}]
    for s in draft["skills"]:
        sections["languages" if s["category"] == SPOKEN else "skills"].append({"name": s["name"]})
    return sections


def _same(a: str, b: str) -> bool:
    return fold(a) == fold(b)


@dataclass
class Score:
    """Field-level counts over one section: each truth entry is paired with its closest parsed entry."""

    fields: tuple[str, ...] = ENTRY_FIELDS
    true_positive: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
    entries: int = 0
    entries_recovered: int = 0

    def add(self, truth: list[dict], parsed: list[dict]) -> None:
        fields, unused = self.fields, list(parsed)
        for want in truth:
            best = max(unused, key=lambda got: sum(_same(got[f], want[f]) for f in fields), default=None)
            self.entries += 1
            for f in fields:
                self.expected[f] += bool(want[f]) or f in EMPTY_IS_AN_ANSWER
            if best is None:
                continue
            unused.remove(best)
            same = {f: _same(best[f], want[f]) for f in fields}
            for f in fields:
                # Both empty (no phone on the CV, none read) is agreement, not a field recovered.
                self.true_positive[f] += same[f] and (bool(want[f]) or f in EMPTY_IS_AN_ANSWER)
                self.predicted[f] += bool(best[f]) or (f in EMPTY_IS_AN_ANSWER and same[f])
            self.entries_recovered += all(same.values())
        for extra in unused:
            for f in fields:
                self.predicted[f] += bool(extra[f])

    def merge(self, other: "Score") -> None:
        self.true_positive += other.true_positive
        self.predicted += other.predicted
        self.expected += other.expected
        self.entries += other.entries
        self.entries_recovered += other.entries_recovered

    def precision(self, f: str | None = None) -> float:
        """One field's precision, or over every field of the section (micro-averaged) without ``f``."""
        hits, said = self._sum(self.true_positive, f), self._sum(self.predicted, f)
        return hits / said if said else 1.0

    def recall(self, f: str | None = None) -> float:
        hits, wanted = self._sum(self.true_positive, f), self._sum(self.expected, f)
        return hits / wanted if wanted else 1.0

    def _sum(self, counts: Counter, f: str | None) -> int:
        return counts[f] if f else sum(counts[name] for name in self.fields)

    @property
    def measured(self) -> bool:
        """Whether the corpus expects or a reader found anything in this section."""
        return bool(self._sum(self.expected, None) or self._sum(self.predicted, None))

    @property
    def entry_rate(self) -> float:
        return self.entries_recovered / self.entries if self.entries else 1.0


def score_sample(sample: Sample) -> dict[str, Score]:
    """Section -> score of one sample, read by the reader of its kind."""
    draft, _ = registry.get_kind(sample.kind).parse(sample.data)
    parsed = parsed_sections(draft)
    scores = {section: Score(fields) for section, fields in SECTION_FIELDS.items()}
    for section, score in scores.items():
        score.add(sample.truth.get(section, []), parsed[section])
    return scores


def measure(samples: list[Sample]) -> dict[str, dict[str, Score]]:
    """Family -> section -> score summed over the family's samples."""
    totals = defaultdict(lambda: {section: Score(fields) for section, fields in SECTION_FIELDS.items()})
    for sample in samples:
        for section, score in score_sample(sample).items():
            totals[sample.family][section].merge(score)
    return dict(totals)
