# ruff: noqa: RUF001, RUF002  (typographic apostrophes and non-Latin scripts are the point of this module)
"""The languages a resume can be written in: headings and dates here, the builder's words in ``words``.

One table per language, so every exporter (PDF, DOCX, Markdown, HTML
previews) and the builder say the same thing. Deterministic on purpose: no
locale of the operating system, no gettext catalogue, no translation of the
user's own text. A resume's language is ``content["meta"]["language"]``
(absent or unknown means English).
"""

DEFAULT_LANGUAGE = "en"
LANGUAGES = {
    "en": "English",
    "ru": "Русский",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
}
LANGUAGE_CHOICES = tuple(LANGUAGES.items())
EN_DASH = "\u2013"

# Section headings and the few fixed words of a document. Keys of the first
# block are JSON Resume section names.
HEADINGS = {
    "en": {
        "work": "Experience",
        "projects": "Projects",
        "education": "Education",
        "certificates": "Certifications",
        "awards": "Awards",
        "publications": "Publications",
        "volunteer": "Volunteering",
        "references": "References",
        "skills": "Skills",
        "languages": "Languages",
        "interests": "Interests",
        "profile": "Profile",
        "summary": "Summary",
        "contact": "Contact",
        "score": "Score",
        "keywords": "Keywords",
        "roles": "Roles",
    },
    "ru": {
        "work": "Опыт работы",
        "projects": "Проекты",
        "education": "Образование",
        "certificates": "Сертификаты",
        "awards": "Награды",
        "publications": "Публикации",
        "volunteer": "Волонтёрство",
        "references": "Рекомендации",
        "skills": "Навыки",
        "languages": "Языки",
        "interests": "Интересы",
        "profile": "О себе",
        "summary": "Кратко о себе",
        "contact": "Контакты",
        "score": "Средний балл",
        "keywords": "Ключевые слова",
        "roles": "Роли",
    },
    "de": {
        "work": "Berufserfahrung",
        "projects": "Projekte",
        "education": "Ausbildung",
        "certificates": "Zertifikate",
        "awards": "Auszeichnungen",
        "publications": "Veröffentlichungen",
        "volunteer": "Ehrenamt",
        "references": "Referenzen",
        "skills": "Kenntnisse",
        "languages": "Sprachen",
        "interests": "Interessen",
        "profile": "Profil",
        "summary": "Zusammenfassung",
        "contact": "Kontakt",
        "score": "Note",
        "keywords": "Schlagwörter",
        "roles": "Rollen",
    },
    "fr": {
        "work": "Expérience professionnelle",
        "projects": "Projets",
        "education": "Formation",
        "certificates": "Certifications",
        "awards": "Distinctions",
        "publications": "Publications",
        "volunteer": "Bénévolat",
        "references": "Références",
        "skills": "Compétences",
        "languages": "Langues",
        "interests": "Centres d’intérêt",
        "profile": "Profil",
        "summary": "Résumé",
        "contact": "Contact",
        "score": "Mention",
        "keywords": "Mots-clés",
        "roles": "Rôles",
    },
    "es": {
        "work": "Experiencia laboral",
        "projects": "Proyectos",
        "education": "Formación",
        "certificates": "Certificaciones",
        "awards": "Premios",
        "publications": "Publicaciones",
        "volunteer": "Voluntariado",
        "references": "Referencias",
        "skills": "Habilidades",
        "languages": "Idiomas",
        "interests": "Intereses",
        "profile": "Perfil",
        "summary": "Resumen",
        "contact": "Contacto",
        "score": "Nota",
        "keywords": "Palabras clave",
        "roles": "Funciones",
    },
}

# Abbreviated month names as they stand before a year (CLDR's abbreviated forms,
# with the Russian nominative for May: "май 2021").
MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ru": (
        "янв.",
        "февр.",
        "мар.",
        "апр.",
        "май",
        "июн.",
        "июл.",
        "авг.",
        "сент.",
        "окт.",
        "нояб.",
        "дек.",
    ),
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
    "es": ("ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."),
}
PRESENT = {"en": "Present", "ru": "н. в.", "de": "heute", "fr": "aujourd’hui", "es": "actualidad"}


def normalise_language(value) -> str:
    """A supported language code, else English."""
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def resume_language(content) -> str:
    """The language of a resume's ``content`` (``meta.language``), English when absent or unknown."""
    meta = content.get("meta") if isinstance(content, dict) else None
    return normalise_language(meta.get("language") if isinstance(meta, dict) else None)


def with_language(content: dict, language: str) -> dict:
    """A copy of ``content`` whose ``meta.language`` is ``language`` (other meta kept)."""
    content = dict(content or {})
    meta = content.get("meta") if isinstance(content.get("meta"), dict) else {}
    content["meta"] = {**meta, "language": language}
    return content


def headings(language: str) -> dict[str, str]:
    return HEADINGS[normalise_language(language)]


def format_date(value: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``2019-05-01`` -> ``May 2019`` / ``май 2019`` / ``Mai 2019``; a bare year stays as it is."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{MONTHS[normalise_language(language)][int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def date_range(start: str = "", end: str = "", language: str = DEFAULT_LANGUAGE) -> str:
    """``Mar 2021 – Present``, ``мар. 2021 – н. в.``, ``März 2021 – heute``; one date when both agree."""
    if start and end:
        first, last = format_date(start, language), format_date(end, language)
        return first if first == last else f"{first} {EN_DASH} {last}"
    if start:
        return f"{format_date(start, language)} {EN_DASH} {PRESENT[normalise_language(language)]}"
    return format_date(end, language)
