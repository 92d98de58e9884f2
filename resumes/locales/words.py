# ruff: noqa: RUF001  (typographic apostrophes and non-Latin scripts are the point of this module)
"""The builder's own words per language: the generated summary, skill groups, levels, fluency.

Counts take the plural form their language needs (Russian has three).
"""

from dataclasses import dataclass

from . import normalise_language


@dataclass(frozen=True)
class Phrases:
    """How the generated summary reads in one language.

    ``nouns`` hold the forms a count needs: (one, other) or, for Russian,
    (one, few, many); ``year`` and ``month`` are in the case the duration
    sentence needs (German dative: "mit 3 Jahren").
    """

    nouns: dict
    conjunction: str
    decimal: str
    experience: str  # "{role}", "{duration}", "{where}"
    experience_without_duration: str
    role_only: str
    strongest: str  # "{skills}"
    also: str  # "{items}"
    professional: str
    degree: str
    course: str


def _one_other(n, forms):
    return forms[0] if n == 1 else forms[1]


def _french(n, forms):
    return forms[0] if n < 2 else forms[1]


def _russian(n, forms):
    if n != int(n):
        return forms[1]  # 1,5 года
    n = int(n)
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


PLURAL_RULES = {"en": _one_other, "de": _one_other, "es": _one_other, "fr": _french, "ru": _russian}

PHRASES = {
    "en": Phrases(
        nouns={
            "job": ("job", "jobs"),
            "internship": ("internship", "internships"),
            "degree": ("degree", "degrees"),
            "course": ("course", "courses"),
            "certification": ("certification", "certifications"),
            "project": ("project", "projects"),
            "award": ("award", "awards"),
            "publication": ("publication", "publications"),
            "volunteer": ("volunteer role", "volunteer roles"),
            "year": ("year", "years"),
            "month": ("month", "months"),
        },
        conjunction="and",
        decimal=".",
        experience="{role} with {duration} of experience across {where}.",
        experience_without_duration="{role} with experience from {where}.",
        role_only="{role}.",
        strongest="Strongest skills: {skills}.",
        also="Also {items}.",
        professional="Professional",
        degree="Degree",
        course="Course",
    ),
    "ru": Phrases(
        nouns={
            "job": ("место работы", "места работы", "мест работы"),
            "internship": ("стажировка", "стажировки", "стажировок"),
            "degree": ("диплом", "диплома", "дипломов"),
            "course": ("курс", "курса", "курсов"),
            "certification": ("сертификат", "сертификата", "сертификатов"),
            "project": ("проект", "проекта", "проектов"),
            "award": ("награда", "награды", "наград"),
            "publication": ("публикация", "публикации", "публикаций"),
            "volunteer": ("волонтёрский проект", "волонтёрских проекта", "волонтёрских проектов"),
            "year": ("год", "года", "лет"),
            "month": ("месяц", "месяца", "месяцев"),
        },
        conjunction="и",
        decimal=",",
        experience="{role}. Опыт работы — {duration} ({where}).",
        experience_without_duration="{role}. Опыт работы: {where}.",
        role_only="{role}.",
        strongest="Ключевые навыки: {skills}.",
        also="Также: {items}.",
        professional="Специалист",
        degree="Диплом",
        course="Курс",
    ),
    "de": Phrases(
        nouns={
            "job": ("Anstellung", "Anstellungen"),
            "internship": ("Praktikum", "Praktika"),
            "degree": ("Abschluss", "Abschlüsse"),
            "course": ("Kurs", "Kurse"),
            "certification": ("Zertifikat", "Zertifikate"),
            "project": ("Projekt", "Projekte"),
            "award": ("Auszeichnung", "Auszeichnungen"),
            "publication": ("Veröffentlichung", "Veröffentlichungen"),
            "volunteer": ("Ehrenamt", "Ehrenämter"),
            "year": ("Jahr", "Jahren"),
            "month": ("Monat", "Monaten"),
        },
        conjunction="und",
        decimal=",",
        experience="{role} mit {duration} Berufserfahrung ({where}).",
        experience_without_duration="{role} mit Berufserfahrung ({where}).",
        role_only="{role}.",
        strongest="Stärkste Kenntnisse: {skills}.",
        also="Außerdem: {items}.",
        professional="Fachkraft",
        degree="Abschluss",
        course="Kurs",
    ),
    "fr": Phrases(
        nouns={
            "job": ("emploi", "emplois"),
            "internship": ("stage", "stages"),
            "degree": ("diplôme", "diplômes"),
            "course": ("formation", "formations"),
            "certification": ("certification", "certifications"),
            "project": ("projet", "projets"),
            "award": ("distinction", "distinctions"),
            "publication": ("publication", "publications"),
            "volunteer": ("engagement bénévole", "engagements bénévoles"),
            "year": ("an", "ans"),
            "month": ("mois", "mois"),
        },
        conjunction="et",
        decimal=",",
        experience="{role} avec {duration} d’expérience ({where}).",
        experience_without_duration="{role} avec une expérience professionnelle ({where}).",
        role_only="{role}.",
        strongest="Compétences principales\u00a0: {skills}.",
        also="Également\u00a0: {items}.",
        professional="Professionnel",
        degree="Diplôme",
        course="Formation",
    ),
    "es": Phrases(
        nouns={
            "job": ("empleo", "empleos"),
            "internship": ("período de prácticas", "períodos de prácticas"),
            "degree": ("título", "títulos"),
            "course": ("curso", "cursos"),
            "certification": ("certificación", "certificaciones"),
            "project": ("proyecto", "proyectos"),
            "award": ("premio", "premios"),
            "publication": ("publicación", "publicaciones"),
            "volunteer": ("voluntariado", "voluntariados"),
            "year": ("año", "años"),
            "month": ("mes", "meses"),
        },
        conjunction="y",
        decimal=",",
        experience="{role} con {duration} de experiencia ({where}).",
        experience_without_duration="{role} con experiencia profesional ({where}).",
        role_only="{role}.",
        strongest="Habilidades principales: {skills}.",
        also="Además: {items}.",
        professional="Profesional",
        degree="Título",
        course="Curso",
    ),
}

# Skill group names (SkillCategory values), levels (Proficiency values) and the
# fluency of spoken languages; English comes from the model's own labels.
CATEGORY_NAMES = {
    "ru": {
        "programming_language": "Языки программирования",
        "framework": "Фреймворки и библиотеки",
        "database": "Базы данных",
        "cloud_devops": "Облака и DevOps",
        "data_ml": "Данные и ML",
        "design": "Дизайн",
        "tool": "Инструменты",
        "soft_skill": "Гибкие навыки",
        "other": "Другое",
    },
    "de": {
        "programming_language": "Programmiersprachen",
        "framework": "Frameworks und Bibliotheken",
        "database": "Datenbanken",
        "cloud_devops": "Cloud und DevOps",
        "data_ml": "Daten und ML",
        "design": "Design",
        "tool": "Werkzeuge",
        "soft_skill": "Soziale Kompetenzen",
        "other": "Sonstiges",
    },
    "fr": {
        "programming_language": "Langages de programmation",
        "framework": "Frameworks et bibliothèques",
        "database": "Bases de données",
        "cloud_devops": "Cloud et DevOps",
        "data_ml": "Données et ML",
        "design": "Design",
        "tool": "Outils",
        "soft_skill": "Savoir-être",
        "other": "Autres",
    },
    "es": {
        "programming_language": "Lenguajes de programación",
        "framework": "Frameworks y bibliotecas",
        "database": "Bases de datos",
        "cloud_devops": "Nube y DevOps",
        "data_ml": "Datos y ML",
        "design": "Diseño",
        "tool": "Herramientas",
        "soft_skill": "Habilidades interpersonales",
        "other": "Otros",
    },
}
LEVELS = {
    "en": {
        "beginner": "Beginner",
        "intermediate": "Intermediate",
        "advanced": "Advanced",
        "expert": "Expert",
    },
    "ru": {
        "beginner": "Начальный",
        "intermediate": "Средний",
        "advanced": "Продвинутый",
        "expert": "Эксперт",
    },
    "de": {"beginner": "Grundkenntnisse", "intermediate": "Gut", "advanced": "Sehr gut", "expert": "Experte"},
    "fr": {"beginner": "Débutant", "intermediate": "Intermédiaire", "advanced": "Avancé", "expert": "Expert"},
    "es": {"beginner": "Básico", "intermediate": "Intermedio", "advanced": "Avanzado", "expert": "Experto"},
}
FLUENCY = {
    "en": {
        "beginner": "Elementary proficiency",
        "intermediate": "Limited working proficiency",
        "advanced": "Professional working proficiency",
        "expert": "Native or bilingual proficiency",
    },
    "ru": {
        "beginner": "Начальный уровень",
        "intermediate": "Средний уровень",
        "advanced": "Свободное владение",
        "expert": "Родной язык или билингвизм",
    },
    "de": {
        "beginner": "Grundkenntnisse",
        "intermediate": "Gute Kenntnisse",
        "advanced": "Verhandlungssicher",
        "expert": "Muttersprache oder zweisprachig",
    },
    "fr": {
        "beginner": "Notions",
        "intermediate": "Niveau intermédiaire",
        "advanced": "Courant",
        "expert": "Langue maternelle ou bilingue",
    },
    "es": {
        "beginner": "Nivel básico",
        "intermediate": "Nivel intermedio",
        "advanced": "Nivel profesional",
        "expert": "Nativo o bilingüe",
    },
}


def phrases(language: str) -> Phrases:
    return PHRASES[normalise_language(language)]


def count_of(n, noun: str, language: str) -> str:
    """``3 jobs``, ``3 места работы``, ``1,5 года``: the number and the noun's right form."""
    language = normalise_language(language)
    forms = PHRASES[language].nouns[noun]
    number = f"{n:.1f}".replace(".", PHRASES[language].decimal) if n != int(n) else str(int(n))
    return f"{number} {PLURAL_RULES[language](n, forms)}"


def join_words(words, language: str) -> str:
    """``a, b and c`` / ``a, b и c``: a list in running text."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {phrases(language).conjunction} " + words[-1]


def category_name(category: str, english: str, language: str) -> str:
    return CATEGORY_NAMES.get(normalise_language(language), {}).get(category, english)


def level_name(proficiency: str, language: str) -> str:
    return LEVELS[normalise_language(language)].get(proficiency, proficiency.capitalize())


def fluency_name(proficiency: str, language: str) -> str:
    return FLUENCY[normalise_language(language)].get(proficiency, "")
