import copy
import io

import pytest
from django.test import Client
from pypdf import PdfReader

from resumes.exporters import onepage
from resumes.exporters.document import build_document
from resumes.exporters.pdf import fitted_onepage, html_to_pdf, render_html, render_pdf
from resumes.models import Resume

from .export_data import UNICODE_RESUME, with_entries


def pages(body: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(body)).pages]


def long_resume(jobs=30) -> dict:
    content = with_entries(jobs)
    content["references"] = [{"name": "Ada", "reference": "Worked with Zoë for years. " * 5}]
    content["interests"] = [{"name": "Chess", "keywords": ["Openings", "Endgames"]}]
    return content


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_long_resume_is_exactly_one_page(api_client, user, paper):
    content = long_resume()
    assert len(pages(render_pdf(content, template="classic", paper=paper))) >= 5
    resume = Resume.objects.create(user=user, title="Long", content=content)

    response = api_client.get(f"/api/v1/resumes/{resume.pk}/pdf/?template=onepage&paper={paper}")

    assert response.status_code == 200
    (text,) = pages(response.content)
    # The newest entries stay, the oldest go; the header is whole.
    assert "Zoë Łukasiewicz-Ångström" in text
    assert "Role 0 ·" in text and "Role 29 ·" not in text
    left_out = response["X-Resume-Left-Out"].split(", ")
    assert "section:references" in left_out and "section:interests" in left_out
    assert any(code.startswith("entries:work:") for code in left_out)


def test_condensing_is_deterministic_and_says_what_went():
    content = long_resume()
    first = fitted_onepage(content, paper="a4")
    again = onepage.fit(build_document(content), pages=lambda doc: len(pages(_render(content, doc))))

    assert first == again
    kept = len(first.document.sections[0].entries)
    assert f"{30 - kept} more entries in Experience" in first.left_out
    assert "the References section" in first.left_out and "the Interests section" in first.left_out
    # One rung less is more than a page: the fit is the least condensed that fits.
    looser = onepage.condense(build_document(content), onepage.LADDER[first.rung - 1])
    assert len(pages(_render(content, looser.document))) > 1


def _render(content, doc):
    return html_to_pdf(render_html(content, template="onepage", paper="a4", doc=doc), template="onepage")


def test_a_short_resume_loses_nothing(api_client, user):
    resume = Resume.objects.create(user=user, title="Short", content=UNICODE_RESUME)

    response = api_client.get(f"/api/v1/resumes/{resume.pk}/pdf/?template=onepage")

    assert response["X-Resume-Left-Out"] == ""
    assert len(pages(response.content)) == 1
    assert "X-Resume-Left-Out" not in api_client.get(f"/api/v1/resumes/{resume.pk}/pdf/?template=classic")


def test_pathological_text_still_fits_on_the_last_rung():
    content = copy.deepcopy(UNICODE_RESUME)
    content["basics"]["summary"] = "Word " * 3000
    content["work"][0]["position"] = "Very long position " * 200

    fit = fitted_onepage(content, paper="a4")

    assert len(pages(render_pdf(content, template="onepage", paper="a4"))) == 1
    assert fit.rung == len(onepage.LADDER) - 1


def test_export_page_tells_what_the_one_page_template_leaves_out(user):
    resume = Resume.objects.create(user=user, title="Long", content=long_resume())
    page = Client()
    page.force_login(user)

    html = page.get(f"/resumes/{resume.pk}/export/onepage/?paper=letter").content.decode()

    assert "To fit one US Letter page, this leaves out:" in html
    assert "the References section" in html and "more entries in Experience" in html
    short = Resume.objects.create(user=user, title="Short", content=UNICODE_RESUME)
    assert (
        "Your whole resume fits on one A4 page."
        in page.get(f"/resumes/{short.pk}/export/onepage/").content.decode()
    )
    assert page.get(f"/resumes/{short.pk}/export/onepage/?paper=a0").status_code == 400
