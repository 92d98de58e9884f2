"""``{% share_panel resume %}``: the owner's Share panel (links, counts, comments) on a resume page."""

from django import template

from resumes.sharing.panels import share_panel_context

register = template.Library()


@register.inclusion_tag("resumes/sharing/_share_panel_block.html", takes_context=True)
def share_panel(context, resume):
    return share_panel_context(context["request"], resume)
