"""A resume as clean CommonMark: one ``#`` name, ``##`` sections, ``###`` entries, ``-`` bullets."""

import re

from .document import build_document

# Characters that would otherwise start emphasis, links, code or HTML.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# A line start that would read as a heading, quote, list item or rule.
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+-])|(\d+)([.)]))(?=\s|$)")


def escape(text: str) -> str:
    text = " ".join(text.split())  # one line: a newline inside a value would break the structure
    return _BLOCK_START.sub(_escape_block_start, _SPECIAL.sub(r"\\\1", text))


def _escape_block_start(match) -> str:
    indent, marker, digits, delimiter = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{digits}\\{delimiter}"


# Only these become links: an autolink takes any scheme, and javascript:/data: ones run when rendered.
LINK_SCHEMES = ("http://", "https://", "mailto:")


def _linkable(url: str) -> bool:
    return bool(url) and url.lower().startswith(LINK_SCHEMES) and not re.search(r"[\s<>]", url)


def _link(url: str) -> str:
    """An autolink for an http(s) or mailto URL; anything else is escaped text."""
    return f"<{url}>" if _linkable(url) else escape(url)


def to_markdown(content: dict, *, fallback_name: str = "") -> str:
    doc = build_document(content, fallback_name=fallback_name)
    lines = [f"# {escape(doc.name or 'Resume')}", ""]
    if doc.label:
        lines += [f"**{escape(doc.label)}**", ""]
    if doc.contacts:
        lines += [" · ".join(_link(c) for c in doc.contacts)]
        lines.append("")
    if doc.summary:
        lines += [escape(doc.summary), ""]
    for section in doc.sections:
        lines += [f"## {section.title}", ""]
        if section.compact:
            for entry in section.entries:
                head = escape(entry.heading)
                if entry.organization:
                    head += f" ({escape(entry.organization)})"
                tail = ", ".join(escape(k) for k in entry.keywords)
                lines.append(f"- **{head}**" + (f": {tail}" if tail else ""))
            lines.append("")
            continue
        for entry in section.entries:
            lines += [f"### {escape(entry.heading)}", ""]
            meta = [escape(p) for p in (entry.organization, entry.location) if p]
            if entry.dates:
                meta.append(f"*{escape(entry.dates)}*")
            if entry.url:
                meta.append(_link(entry.url))
            if meta:
                lines += [" · ".join(meta), ""]
            if entry.roles:
                lines += [f"{doc.labels['roles']}: " + ", ".join(escape(r) for r in entry.roles), ""]
            if entry.summary:
                lines += [escape(entry.summary), ""]
            if entry.highlights:
                lines += [f"- {escape(h)}" for h in entry.highlights]
                lines.append("")
            if entry.keywords:
                lines += [f"{doc.labels['keywords']}: " + ", ".join(escape(k) for k in entry.keywords), ""]
    return "\n".join(lines).rstrip() + "\n"
