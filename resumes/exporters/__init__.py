"""Resume exporters: PDF and DOCX (five templates, A4 / Letter), JSON Resume 1.0.0 and Markdown.

Each works from a resume's ``content`` (JSON Resume sections), so manual,
imported and auto-built resumes export the same way, with headings and dates
in the resume's language (``resumes.locales``).
"""

from django.utils.text import slugify


def export_filename(resume, extension: str) -> str:
    """``ada-lovelace-resume.pdf``: the person's name, else the resume title (Unicode kept)."""
    basics = resume.content.get("basics") if isinstance(resume.content, dict) else None
    name = basics.get("name") if isinstance(basics, dict) else ""
    stem = slugify(name if isinstance(name, str) and name.strip() else resume.title, allow_unicode=True)
    return f"{stem or 'resume'}-resume.{extension}"
