import copy

import pytest

from resumes.exporters.pdf import TEMPLATES
from resumes.importing import ats
from resumes.models import Resume

from . import corpus


@pytest.fixture
def resume(user):
    return Resume.objects.create(user=user, title="CV", content=corpus.CAREER)


def test_ats_check_rules_and_readback(api_client, resume):
    response = api_client.get(f"/api/v1/resumes/{resume.pk}/ats-check/?template=ats")

    assert response.status_code == 200
    body = response.json()
    rules = {r["rule"]: r for r in body["rules"]}
    assert set(rules) == {
        "contact",
        "dates",
        "bullet_length",
        "quantified",
        "pages",
        "section_names",
        "ats_template_plain",
        "fonts_embedded",
    }
    assert all(r["fix"] for r in body["rules"])
    # Two of CAREER's roles carry no number; everything else passes.
    assert rules["quantified"]["passed"] is False
    assert (
        "Software Developer" in rules["quantified"]["detail"]
        and "Junior Developer" in rules["quantified"]["detail"]
    )
    assert all(r["passed"] for k, r in rules.items() if k != "quantified")
    assert body["readback"] == {"format": "pdf", "template": "ats", "clean": True, "lost": []}
    assert body["readbacks"] == [
        {"format": "pdf", "template": "ats", "clean": True, "lost": []},
        {"format": "docx", "template": "ats", "clean": True, "lost": []},
    ]


def test_ats_check_fails_what_is_missing(api_client, user):
    content = {
        "basics": {"name": "No Contact"},
        "work": [{"name": "Acme", "position": "Dev", "highlights": ["x" * 250]}],
    }
    resume = Resume.objects.create(user=user, title="Thin", content=content)

    rules = {r["rule"]: r for r in api_client.get(f"/api/v1/resumes/{resume.pk}/ats-check/").json()["rules"]}

    assert not rules["contact"]["passed"] and rules["contact"]["detail"] == "Missing: email, phone."
    assert not rules["dates"]["passed"] and not rules["bullet_length"]["passed"]


def test_readback_reports_exactly_what_was_lost():
    data = ats.READERS["pdf"][0](corpus.CAREER, "ats", "a4", "")
    changed = {
        **corpus.CAREER,
        "work": [{**corpus.CAREER["work"][0], "startDate": "2020-01"}, *corpus.CAREER["work"][1:]],
    }

    report = ats.readback(changed, data=data)  # the file says 2021-03, the source now 2020-01

    assert report["clean"] is False
    assert report["lost"] == ["Role 'Staff Engineer at Stripe Inc.': start date missing or misread."]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("name", corpus.OWN_DOCUMENTS)
def test_our_docx_reads_back_cleanly_in_every_template_and_script(template, name):
    report = ats.readback(copy.deepcopy(corpus.OWN_DOCUMENTS[name]), fmt="docx", template=template)

    assert (report["format"], report["clean"], report["lost"]) == ("docx", True, [])


def test_docx_readback_names_exactly_what_was_lost():
    data = ats.READERS["docx"][0](corpus.CAREER, "classic", "a4", "")
    jobs = corpus.CAREER["work"]
    changed = {
        **corpus.CAREER,
        "basics": {**corpus.CAREER["basics"], "phone": "+34 699 000 000"},
        "work": [jobs[0], {**jobs[1], "name": "Globex AG", "endDate": "2021-06"}, *jobs[2:]],
    }

    report = ats.readback(changed, fmt="docx", template="classic", data=data)

    assert report["lost"] == [
        "Phone '+34 699 000 000' was not found in the contact details.",
        "Role 'Senior Software Engineer at Globex AG': employer read as 'Globex Corporation'.",
        "Role 'Senior Software Engineer at Globex AG': end date missing or misread.",
    ]


def test_ats_check_is_owner_scoped_and_validates(api_client, other_client, resume):
    assert other_client.get(f"/api/v1/resumes/{resume.pk}/ats-check/").status_code == 404
    assert api_client.get(f"/api/v1/resumes/{resume.pk}/ats-check/?template=fancy").status_code == 400
