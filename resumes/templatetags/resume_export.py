"""``{% export_bar resume %}``: template, paper and download buttons for any resume page;
``content|resume_document``: a resume's content as the exporters read it, for the HTML previews."""

from django import template

from resumes.exporters.document import build_document
from resumes.exporters.pdf import DEFAULT_PAPER, PAPERS, TEMPLATES

register = template.Library()


@register.inclusion_tag("resumes/_export_bar.html")
def export_bar(resume):
    return {
        "resume": resume,
        "templates": TEMPLATES,
        "papers": {key: paper.label for key, paper in PAPERS.items()},
        "selected_template": resume.template if resume.template in TEMPLATES else "classic",
        "selected_paper": DEFAULT_PAPER,
    }


@register.filter
def resume_document(content):
    """The ``Document`` of ``content``: sections in export order, headings and dates in its language."""
    return build_document(content if isinstance(content, dict) else {})
