# ruff: noqa: RUF001  (the vocabularies are Cyrillic, accented and dash characters on purpose)
"""What the readers share: section names in five languages, dates as people write them, field clues.

Pure functions, no Django: the PDF, DOCX and LinkedIn readers, the ATS check
and the benchmark all call them.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from ..locales import HEADINGS

# Section key -> headings people use (EN, RU, DE, FR, ES), compared case- and accent-blind.
SECTION_SYNONYMS = {
    "summary": (
        "summary", "profile", "about", "about me", "professional summary", "objective", "career objective",
        "о себе", "обо мне", "резюме", "профиль", "цель", "kurzprofil", "profil", "zusammenfassung",
        "über mich", "resume", "à propos", "objectif", "perfil", "resumen", "sobre mi", "acerca de mi",
    ),
    "work": (
        "experience", "work experience", "professional experience", "employment", "employment history",
        "work history", "career history", "experience", "опыт работы", "опыт", "трудовая деятельность",
        "профессиональный опыт", "места работы", "berufserfahrung", "berufliche erfahrung", "erfahrung",
        "beruflicher werdegang", "werdegang", "praxiserfahrung", "expérience", "expériences",
        "expérience professionnelle", "expériences professionnelles", "parcours professionnel",
        "experiencia", "experiencia laboral", "experiencia profesional", "historial laboral",
    ),
    "education": (
        "education", "academic background", "qualifications", "образование", "обучение",
        "ausbildung", "bildung", "bildungsweg", "studium", "formation", "formations", "études",
        "éducation", "educación", "formación", "formación académica", "estudios",
    ),
    "projects": ("projects", "personal projects", "проекты", "projekte", "projets", "proyectos"),
    "skills": (
        "skills", "technical skills", "core skills", "key skills", "competencies", "technologies",
        "навыки", "ключевые навыки", "технические навыки", "умения", "kenntnisse", "fähigkeiten",
        "kompetenzen", "it-kenntnisse", "compétences", "compétences techniques", "habilidades",
        "competencias", "conocimientos", "aptitudes",
    ),
    "languages": (
        "languages", "языки", "знание языков", "sprachen", "sprachkenntnisse", "langues", "idiomas",
    ),
    "certificates": (
        "certifications", "certificates", "licenses & certifications", "licenses and certifications",
        "сертификаты", "сертификация", "zertifikate", "zertifizierungen", "certificats", "certificaciones",
        "certificados",
    ),
    "awards": (
        "awards", "honors", "honours", "achievements", "награды", "auszeichnungen", "prix", "distinctions",
        "premios", "reconocimientos",
    ),
    "publications": ("publications", "публикации", "publikationen", "veröffentlichungen", "publicaciones"),
    "volunteer": (
        "volunteering", "volunteer experience", "volunteer", "волонтерство", "волонтёрство",
        "ehrenamt", "ehrenamtliches engagement", "bénévolat", "voluntariado",
    ),
    "courses": ("courses", "курсы", "kurse", "weiterbildung", "fortbildung", "cours", "cursos"),
    "interests": ("interests", "hobbies", "интересы", "хобби", "interessen", "hobbys", "centres d'intérêt",
                  "intereses", "aficiones"),
    "references": ("references", "рекомендации", "referenzen", "références", "referencias"),
    "contact": ("contact", "contacts", "контакты", "kontakt", "coordonnées", "contacto"),
}  # fmt: skip


def fold(text: str) -> str:
    """Lower case without accents or punctuation at the ends: for comparing headings and names."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("ё", "е").replace("й", "и")
    return " ".join(text.lower().strip(" :-–—•|·.").split())


_SECTION_INDEX = {fold(name): key for key, names in SECTION_SYNONYMS.items() for name in names}


def section_key(text: str) -> str | None:
    """The section a heading names (``"Опыт работы"`` -> ``"work"``), or ``None``."""
    return _SECTION_INDEX.get(fold(text))


_ROLES_LABELS = {fold(words["roles"]) for words in HEADINGS.values()}


def roles_in(text: str) -> list[str] | None:
    """The roles a "Roles: Team lead, Designer" line names (our exports print them so), else ``None``."""
    label, sep, rest = (text or "").partition(":")
    if not sep or fold(label) not in _ROLES_LABELS:
        return None
    return [r.strip() for r in rest.split(",") if r.strip()]


# --- Dates --------------------------------------------------------------------------------------

_MONTH_NAMES = {
    1: "jan january janv janvier enero ene januar jän jänner январь января янв",
    2: "feb february fevr fevrier febrero februar февраль февраля фев",
    3: "mar march mars marzo marz märz март марта мар",
    4: "apr april avr avril abril апрель апреля апр",
    5: "may mai mayo май мая",
    6: "jun june juin junio juni июнь июня июн",
    7: "jul july juil juillet julio juli июль июля июл",
    8: "aug august aout août agosto август августа авг",
    9: "sep sept september septembre septiembre setiembre сентябрь сентября сен сент",
    10: "oct october okt oktober octobre octubre октябрь октября окт",
    11: "nov november novembre noviembre ноябрь ноября ноя",
    12: "dec december dez dezember decembre décembre diciembre dic декабрь декабря дек",
}
MONTHS = {fold(name): number for number, names in _MONTH_NAMES.items() for name in names.split()}
_SPELLINGS = {name for names in _MONTH_NAMES.values() for name in names.split()} | set(MONTHS)
_MONTH_WORD = "|".join(sorted((re.escape(m) for m in _SPELLINGS), key=len, reverse=True))

ONGOING_WORDS = (
    "present", "current", "currently", "now", "today", "ongoing", "till date", "to date", "date",
    "heute", "aktuell", "derzeit", "bis heute", "jetzt", "laufend",
    "по настоящее время", "настоящее время", "наст. время", "н.в.", "н. в.", "сейчас", "по сей день",
    "наст время", "текущее время",
    "présent", "aujourd'hui", "à ce jour", "maintenant", "en cours", "actuel",
    "actualidad", "presente", "la actualidad", "hoy", "actual",
)  # fmt: skip
_ONGOING = "|".join(sorted((re.escape(w) for w in ONGOING_WORDS), key=len, reverse=True))

# One date: "03/2021", "03.2021", "2021-03", "2021/03", "Sep 2024", "September 2024", "März 2021", "2019".
_DATE = (
    rf"(?:(?:(?P<{{p}}mn>{_MONTH_WORD})\.?,?\s+(?P<{{p}}y1>(?:19|20)\d\d))"
    rf"|(?:(?P<{{p}}m2>0?[1-9]|1[0-2])\s*[/.]\s*(?P<{{p}}y2>(?:19|20)\d\d))"
    rf"|(?:(?P<{{p}}y3>(?:19|20)\d\d)\s*[-/.]\s*(?P<{{p}}m3>0[1-9]|1[0-2])(?:[-/.]\d\d)?)"
    rf"|(?P<{{p}}y4>(?:19|20)\d\d))"
)
_SEPARATOR = r"\s*(?:–|—|-|‒|―|to|until|till|bis|по|до|à|au|a|hasta|al|→)\s*"
RANGE_RE = re.compile(
    rf"(?<![\w/.])(?:(?:с|from|von|du|de|desde)\s+)?{_DATE.format(p='s')}(?:{_SEPARATOR}"
    rf"(?:(?P<ongoing>{_ONGOING})|{_DATE.format(p='e')}))?(?![\w/])",
    re.IGNORECASE,
)
ONGOING_RE = re.compile(rf"^\s*(?:{_ONGOING})\s*$", re.IGNORECASE)
_DANGLING_DASH = re.compile(r"\s*[–—‒―-]\s*$")


@dataclass
class DateRange:
    start: dt.date | None
    end: dt.date | None
    ongoing: bool
    text: str  # the matched characters, to cut them out of the line
    month_known: bool  # the start named a month, not only a year
    # "2019 -" with nothing after the dash: started, end not said (not one date).
    open_ended: bool = False


def _one(match, prefix: str):
    groups = match.groupdict()
    if groups.get(f"{prefix}mn"):
        return dt.date(int(groups[f"{prefix}y1"]), MONTHS[fold(groups[f"{prefix}mn"])], 1), True
    if groups.get(f"{prefix}m2"):
        return dt.date(int(groups[f"{prefix}y2"]), int(groups[f"{prefix}m2"]), 1), True
    if groups.get(f"{prefix}m3"):
        return dt.date(int(groups[f"{prefix}y3"]), int(groups[f"{prefix}m3"]), 1), True
    if groups.get(f"{prefix}y4"):
        return dt.date(int(groups[f"{prefix}y4"]), 1, 1), False
    return None, False


def find_date_range(text: str) -> DateRange | None:
    """The first date or date range in ``text`` (a lone year inside a sentence is not one)."""
    for match in RANGE_RE.finditer(text or ""):
        start, month_known = _one(match, "s")
        end, _ = _one(match, "e")
        ongoing = bool(match.group("ongoing"))
        lone_year = not ongoing and end is None and not month_known
        if lone_year and len(text.split()) > 6:
            continue  # "Grew revenue in 2019 by ..." names a year, it does not date the entry
        if end is not None and start is not None and end < start:
            start, end = end, start
        open_ended = end is None and not ongoing and bool(_DANGLING_DASH.match(text, match.end()))
        return DateRange(start, end, ongoing, match.group(0), month_known, open_ended)
    return None


def parse_date_text(value) -> tuple[dt.date | None, bool]:
    """One date as written (``"Sep 2024"``, ``"2015"``, ``"03/2021"``, ``"2021-03-04"``) -> (date, ongoing).

    ``"Current"``, ``"heute"``, ``"по настоящее время"`` -> ``(None, True)``; blank -> ``(None, False)``.
    """
    if not isinstance(value, str) or not value.strip():
        return None, False
    text = value.strip()
    if ONGOING_RE.match(text):
        return None, True
    full = re.fullmatch(r"((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ].*)?", text)
    if full:
        year, month, day = (int(g) for g in full.groups())
        for candidate in ((year, month, day), (year, month, 1), (year, 1, 1)):
            try:
                return dt.date(*candidate), False
            except ValueError:
                continue
    found = find_date_range(text)
    if found and found.start and found.text.strip() == text:
        return found.start, False
    return None, False


def iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


# --- Field clues --------------------------------------------------------------------------------

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().-]{6,}\d(?![\w/])")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s,;·|]+|(?:linkedin\.com|github\.com)/[^\s,;·|]+", re.IGNORECASE)
BULLET_RE = re.compile(r"^\s*(?:[•◦▪▫■□●○◆◇►▸‣⁃∙·*–—-]|\(cid:\d+\)|\d{1,2}[.)])\s+")

_TITLE_WORDS = (
    "engineer", "developer", "programmer", "manager", "analyst", "designer", "lead", "head", "director",
    "consultant", "intern", "specialist", "architect", "scientist", "officer", "administrator", "assistant",
    "coordinator", "founder", "co-founder", "cto", "ceo", "cfo", "vp", "president", "owner", "researcher",
    "teacher", "lecturer", "professor", "technician", "tester", "qa", "devops", "sre", "accountant",
    "editor", "writer", "associate", "advisor", "partner", "principal", "staff", "senior", "junior",
    "trainee", "student", "volunteer", "mentor", "tutor", "representative", "executive", "expert",
    "разработчик", "программист", "инженер", "менеджер", "руководитель", "аналитик", "дизайнер",
    "директор", "специалист", "стажер", "стажёр", "тестировщик", "архитектор", "ведущий", "старший",
    "главный", "начальник", "консультант", "преподаватель", "администратор", "тимлид",
    "entwickler", "entwicklerin", "ingenieur", "ingenieurin", "leiter", "leiterin", "berater", "beraterin",
    "softwareentwickler", "softwareentwicklerin", "werkstudent", "praktikant", "praktikantin",
    "architekt", "geschäftsführer", "referent", "sachbearbeiter", "projektleiter", "teamleiter",
    "développeur", "développeuse", "ingénieur", "ingénieure", "chef", "responsable", "stagiaire",
    "directeur", "directrice", "chargé", "chargée", "consultante", "analyste",
    "desarrollador", "desarrolladora", "ingeniero", "ingeniera", "jefe", "jefa", "gerente", "becario",
    "analista", "diseñador", "diseñadora", "programador", "programadora", "director", "directora",
    "αρχιτέκτονας", "μηχανικός", "προγραμματιστής", "διευθυντής", "αναλυτής", "σχεδιαστής",
)  # fmt: skip
_ORG_WORDS = (
    "inc", "inc.", "llc", "ltd", "ltd.", "limited", "gmbh", "ag", "se", "sa", "s.a.", "sarl", "sas", "bv",
    "b.v.", "plc", "corp", "corp.", "corporation", "co.", "company", "group", "holding", "labs", "lab",
    "technologies", "technology", "systems", "solutions", "software", "studio", "bank", "consulting",
    "ооо", "ао", "пао", "зао", "ип", "оао", "нко", "фгуп", "kg", "ohg", "e.v.", "s.l.", "oy", "ab", "as",
    "university", "universität", "universidad", "université", "университет", "институт", "college",
    "school", "hochschule", "academy", "akademie", "agency", "foundation", "stiftung", "ministry",
    "технологии", "банк", "групп", "компания",
)  # fmt: skip
_DEGREE_WORDS = (
    "bachelor", "master", "phd", "ph.d", "doctor", "doctorate", "mba", "msc", "m.sc", "m.sc.", "bsc", "b.sc",
    "b.sc.", "ba", "ma", "bs", "ms", "beng", "meng", "associate", "diploma", "diplom", "degree", "licence",
    "licenciatura", "licenciado", "grado", "máster", "magister", "magistr", "бакалавр", "магистр",
    "специалист", "аспирантура", "кандидат", "диплом", "bachelier", "maîtrise", "doctorat", "ingénieur",
    "abitur", "staatsexamen", "promotion",
)  # fmt: skip
_SCHOOL_WORDS = (
    "university", "universität", "universidad", "université", "universita", "universitet", "uniwersytet",
    "университет", "институт", "академия", "училище", "колледж", "школа", "college", "school", "institute",
    "institut", "hochschule", "fachhochschule", "academy", "akademie", "polytechnic", "politecnico",
    "école", "escuela", "instituto", "lyceum", "gymnasium", "bootcamp",
)  # fmt: skip


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w.&'-]+", fold(text)))


def _matches(text: str, vocabulary) -> bool:
    folded = {fold(w) for w in vocabulary}
    words = _words(text)
    return bool(words & folded) or any(w.rstrip(".") in folded for w in words)


def looks_like_title(text: str) -> bool:
    return _matches(text, _TITLE_WORDS)


def looks_like_organization(text: str) -> bool:
    return _matches(text, _ORG_WORDS)


def looks_like_degree(text: str) -> bool:
    return _matches(text, _DEGREE_WORDS)


def looks_like_school(text: str) -> bool:
    return _matches(text, _SCHOOL_WORDS)


ORG_SUFFIX_RE = re.compile(
    r"^\s*(?:inc|llc|ltd|gmbh|ag|se|sa|sarl|sas|plc|corp|co|kg|bv|oy|ab)\b\.?", re.IGNORECASE
)
