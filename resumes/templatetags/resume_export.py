"""``{% export_bar resume %}``: template, paper and download buttons for any resume page."""

from django import template

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
