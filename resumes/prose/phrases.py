"""Every sentence the writer can produce, per language (English is complete; others fall back to it).

``{slot}`` is filled with the user's words; ``[...]`` is left out when its slot is empty; a
``{clause}`` starts with a past-tense verb. Summary sentences exist in every language; the cover
letter and interview hints are written in English.
"""

EN_SUMMARY = {
    "summary_current": "{title} at {org}[ with {years} of experience].",
    "summary_experienced": "{title} with {years} of experience.",
    "summary_latest": "{title}, most recently at {org}[, with {years} of experience].",
    "summary_student": "{title} student[ at {org}].",
    "summary_graduate": "{title} graduate[ of {org}].",
    "summary_course": "Completed the course “{title}”[ at {org}].",
    "summary_role": "Professional profile: {title}.",
    "summary_strongest": "Strongest in {skills}.",
    "summary_result_clause": "At {org}, {clause}.",
    "summary_result_quote": "A result from {org}: “{quote}”.",
    "summary_project_clause": "In the project “{title}”, {clause}.",
    "summary_project_quote": "A result from the project “{title}”: “{quote}”.",
}

EN_LETTER = {
    # Opening.
    "letter_apply": "I am applying for the {title} position at {company}.",
    "letter_current": "At present I work as {title}[ at {org}].",
    "letter_latest": "Most recently I was {title}[ at {org}].",
    "letter_student": "I am studying for my {title}[ at {org}].",
    "letter_graduate": "I completed my {title}[ at {org}].",
    "letter_match": "The role's focus on {skills} matches what I do best.",
    # Evidence, one grammar per kind of achievement.
    "role_clause": "As {title}[ at {org}], I {clause}.",
    "role_skills_clause": "As {title}[ at {org}], working with {skills}, I {clause}.",
    "role_skills": "As {title}[ at {org}], I worked with {skills}.",
    "role_plain": "I have worked as {title}[ at {org}].",
    "volunteer_clause": "Volunteering as {title}[ at {org}], I {clause}.",
    "volunteer_skills": "Volunteering as {title}[ at {org}], I worked with {skills}.",
    "volunteer_plain": "I have volunteered as {title}[ at {org}].",
    "degree_clause": "In my {title}[ at {org}], I {clause}.",
    "degree_skills": "In my {title}[ at {org}], I worked with {skills}.",
    "degree_plain": "I studied for my {title}[ at {org}].",
    "course_clause": "In the course “{title}”[ at {org}], I {clause}.",
    "course_skills": "The course “{title}”[ at {org}] gave me practice with {skills}.",
    "course_plain": "I completed the course “{title}”[ at {org}].",
    "project_clause": "In my project “{title}”, I {clause}.",
    "project_skills": "My project “{title}” uses {skills}.",
    "project_plain": "I have worked on the project “{title}”.",
    "certification_skills": "I hold the certification “{title}”[ from {org}], which covers {skills}.",
    "certification_plain": "I hold the certification “{title}”[ from {org}].",
    "award_plain": "I received the award “{title}”[ from {org}].",
    "publication_plain": "I published “{title}”[ with {org}].",
    "letter_quotes": "Some details in my own words:",
    # The job, gaps and the close.
    "letter_posting": "Your posting says: “{quote}.”",
    "letter_next": "That is the kind of work I want to do next, and I would bring the same care for results to it.",
    "letter_missing": "I have not yet used {skills} in production, and I learn new tools quickly by building with them.",
    "letter_thanks": "Thank you for your time.",
    "letter_talk": "I would welcome the chance to talk about how I can help {company}.",
}

EN_HINTS = {
    "hint_clause": "Talk about {ref}, where you {clause}.",
    "hint_skill": "Talk about {ref}, where you worked with {skills}.",
    "hint_quote": "Talk about {ref}; your record says: “{quote}”.",
    "hint_plain": "Talk about {ref}.",
    "hint_new_skill": "Be honest that {skills} is new to you, and describe how you picked up a comparable tool quickly.",
    "hint_hardest": "Tie it to a problem you solved before, with the result.",
    "star_clause": "Tell it as a STAR story from {ref}, where you {clause}.",
    "star_quote": "Tell it as a STAR story from {ref}: “{quote}”.",
    "star_plain": "Tell it as a STAR story from {ref}.",
    "star_generic": "Answer with Situation, Task, Action and Result, and end with a number if you have one.",
    "hint_why": "Connect what the posting stresses to what you enjoyed most in your recent work.",
    "hint_stresses": "The posting stresses: “{quote}.”",
    "hint_notes": "From your notes: “{quote}”.",
    "hint_size": "Size: {quote}.",
    "hint_website": "Website: {quote}.",
    "hint_learn_more": "Name one thing you would like to learn more about.",
    "hint_research": "Read the website and recent news, and name one thing you would like to learn more about.",
    "hint_duties": "Start from the role's duties: “{quote}.”",
    "hint_first_days": "Learn the codebase, ship one small improvement and earn trust.",
}

# How a hint refers to an achievement, per kind (filled into {ref}).
EN_REFERENCES = {
    "job": "your work as {title}[ at {org}]",
    "internship": "your internship as {title}[ at {org}]",
    "volunteer": "your volunteering as {title}[ at {org}]",
    "degree": "your {title}[ at {org}]",
    "course": "the course “{title}”[ at {org}]",
    "project": "your project “{title}”",
    "certification": "your certification “{title}”",
    "award": "your award “{title}”",
    "publication": "your publication “{title}”",
}

PHRASES = {
    "en": {
        "words": {"and": " and ", "month": ("month", "months"), "year": ("year", "years")},
        "sentences": {**EN_SUMMARY, **EN_LETTER, **EN_HINTS},
        "references": EN_REFERENCES,
    },
    "ru": {
        "words": {"and": " и ", "month": ("месяц", "месяца", "месяцев"), "year": ("год", "года", "лет")},
        "sentences": {
            "summary_current": "{title} в {org}[, опыт работы — {years}].",
            "summary_experienced": "{title}, опыт работы — {years}.",
            "summary_latest": "{title}, последнее место работы — {org}[; опыт работы — {years}].",
            "summary_student": "Учёба: {title}[, {org}].",
            "summary_graduate": "Образование: {title}[, {org}].",
            "summary_course": "Пройден курс «{title}»[ ({org})].",
            "summary_role": "Профиль: {title}.",
            "summary_strongest": "Ключевые навыки: {skills}.",
            "summary_result_clause": "В {org}: {clause}.",
            "summary_result_quote": "Результат в {org}: «{quote}».",
            "summary_project_clause": "В проекте «{title}»: {clause}.",
            "summary_project_quote": "Результат проекта «{title}»: «{quote}».",
        },
    },
    "de": {
        "words": {"and": " und ", "month": ("Monat", "Monaten"), "year": ("Jahr", "Jahren")},
        "sentences": {
            "summary_current": "{title} bei {org}[ mit {years} Berufserfahrung].",
            "summary_experienced": "{title} mit {years} Berufserfahrung.",
            "summary_latest": "{title}, zuletzt bei {org}[, mit {years} Berufserfahrung].",
            "summary_student": "Studium: {title}[, {org}].",
            "summary_graduate": "Abschluss: {title}[, {org}].",
            "summary_course": "Kurs „{title}“[ bei {org}] abgeschlossen.",
            "summary_role": "Profil: {title}.",
            "summary_strongest": "Stärken: {skills}.",
            "summary_result_clause": "Bei {org}: {clause}.",
            "summary_result_quote": "Ergebnis bei {org}: „{quote}“.",
            "summary_project_clause": "Im Projekt „{title}“: {clause}.",
            "summary_project_quote": "Ergebnis im Projekt „{title}“: „{quote}“.",
        },
    },
    # French sets no-break spaces inside « » and before a colon.
    "fr": {
        "words": {"and": " et ", "month": ("mois", "mois"), "year": ("an", "ans")},
        "sentences": {
            "summary_current": "{title} chez {org}[, {years} d’expérience].",
            "summary_experienced": "{title}, {years} d’expérience.",
            "summary_latest": "{title}, dernièrement chez {org}[, {years} d’expérience].",
            "summary_student": "Études : {title}[, {org}].",
            "summary_graduate": "Diplôme : {title}[, {org}].",
            "summary_course": "Cours « {title} » suivi[ chez {org}].",
            "summary_role": "Profil : {title}.",
            "summary_strongest": "Points forts : {skills}.",
            "summary_result_clause": "Chez {org} : {clause}.",
            "summary_result_quote": "Résultat chez {org} : « {quote} ».",
            "summary_project_clause": "Projet « {title} » : {clause}.",
            "summary_project_quote": "Résultat du projet « {title} » : « {quote} ».",
        },
    },
    "es": {
        "words": {"and": " y ", "month": ("mes", "meses"), "year": ("año", "años")},
        "sentences": {
            "summary_current": "{title} en {org}[, con {years} de experiencia].",
            "summary_experienced": "{title}, con {years} de experiencia.",
            "summary_latest": "{title}, recientemente en {org}[, con {years} de experiencia].",
            "summary_student": "Estudios: {title}[, {org}].",
            "summary_graduate": "Título: {title}[, {org}].",
            "summary_course": "Curso «{title}»[ en {org}].",
            "summary_role": "Perfil: {title}.",
            "summary_strongest": "Puntos fuertes: {skills}.",
            "summary_result_clause": "En {org}: {clause}.",
            "summary_result_quote": "Resultado en {org}: «{quote}».",
            "summary_project_clause": "En el proyecto «{title}»: {clause}.",
            "summary_project_quote": "Resultado del proyecto «{title}»: «{quote}».",
        },
    },
}

# Which templates each kind of text is made of (a summary sentence is never a letter's, and so on).
GROUPS = {"summary": frozenset(EN_SUMMARY), "letter": frozenset(EN_LETTER), "hints": frozenset(EN_HINTS)}
