"""Variant pages: create from the main resume, edit with a live preview, compare two."""

import pytest

from resumes import services
from resumes.models import Resume
from resumes.variants import services as variant_services

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def signed_in(client, user, commit):
    commit(
        services.achievement_create, user=user, type="job", title="Backend Developer",
        organization="Kiwi.com", start_date="2021-01-01", tags=["backend"], skills=["Python"],
    )  # fmt: skip
    commit(
        services.achievement_create, user=user, type="degree", title="Computer Science",
        organization="ČVUT", start_date="2014-09-01", end_date="2018-06-30",
    )  # fmt: skip
    client.force_login(user)
    return client


def _main(user):
    return services.get_auto_resume(user=user)


def test_create_a_variant_from_the_main_resume(signed_in, user):
    main = _main(user)
    page = signed_in.get(f"/resumes/{main.pk}/")
    assert f"/resumes/{main.pk}/variants/new/" in page.content.decode()
    page = signed_in.get(f"/resumes/{main.pk}/variants/new/")
    assert page.status_code == 200 and "Kiwi.com" in page.content.decode()
    response = signed_in.post(
        f"/resumes/{main.pk}/variants/new/",
        {
            "title": "Studies",
            "types": ["degree"],
            "sections": "education",
            "language": "de",
            "template": "ats",
        },
    )
    variant = Resume.objects.get(title="Studies")
    assert response.status_code == 302 and response["Location"] == f"/resumes/{variant.pk}/"
    assert variant.definition == {"types": ["degree"], "sections": ["education"], "language": "de"}
    assert variant.template == "ats"
    html = signed_in.get(response["Location"]).content.decode()
    assert "ČVUT" in html and "Kiwi.com" not in html and "variant" in html


def test_bad_rules_come_back_on_the_form_and_save_nothing(signed_in, user):
    main = _main(user)
    response = signed_in.post(f"/resumes/{main.pk}/variants/new/", {"title": "X", "include_tags": "nothing"})
    assert response.status_code == 400
    assert "None of your achievements has one of these tags" in response.content.decode()
    response = signed_in.post(
        f"/resumes/{main.pk}/variants/new/", {"title": "X", "sections": "work, hobbies"}
    )
    assert response.status_code == 400 and "Unknown section" in response.content.decode()
    assert not Resume.objects.filter(variant_of__isnull=False).exists()


def test_live_preview_builds_without_saving(signed_in, user):
    main = _main(user)
    html = signed_in.post(f"/resumes/{main.pk}/variants/preview/", {"types": ["job"]}, **HX).content.decode()
    assert "Kiwi.com" in html and "ČVUT" not in html and "leaves out 1" in html
    html = signed_in.post(
        f"/resumes/{main.pk}/variants/preview/", {"anonymize": "on", "types": ["job"]}, **HX
    ).content.decode()
    assert "Kiwi.com" not in html and "A company" in html
    html = signed_in.post(
        f"/resumes/{main.pk}/variants/preview/", {"include_tags": "nope"}, **HX
    ).content.decode()
    assert "would be empty" in html
    assert not Resume.objects.filter(variant_of__isnull=False).exists()


def test_edit_a_variant_with_its_overrides_flagged(signed_in, user, commit):
    main = _main(user)
    job = user.achievements.get(type="job")
    variant = variant_services.variant_create(
        main=main, title="Backend", definition={"include_tags": ["backend"]},
        overrides=[{"achievement": job.pk, "field": "title", "text": "Senior Backend Developer"}],
    )  # fmt: skip
    commit(services.achievement_update, achievement=job, title="Backend Engineer")
    html = signed_in.get(f"/resumes/{variant.pk}/").content.decode()
    assert "Senior Backend Developer" in html and "source changed" in html
    page = signed_in.get(f"/resumes/{variant.pk}/variant/")
    assert page.status_code == 200 and 'value="backend"' in page.content.decode()
    html = signed_in.post(
        f"/resumes/{main.pk}/variants/preview/?variant={variant.pk}", {"include_tags": "backend"}, **HX
    ).content.decode()
    assert "Senior Backend Developer" in html  # the preview keeps the variant's overrides
    response = signed_in.post(f"/resumes/{variant.pk}/variant/", {"title": "All", "types": ["job", "degree"]})
    assert response.status_code == 302
    variant.refresh_from_db()
    assert variant.title == "All" and variant.definition == {"types": ["job", "degree"]}
    assert variant.overrides[0]["text"] == "Senior Backend Developer"
    assert signed_in.get(f"/resumes/{variant.pk}/edit/").status_code == 404  # no raw JSON editing


def test_compare_two_variants_side_by_side(signed_in, user):
    main = _main(user)
    variant = variant_services.variant_create(main=main, title="Jobs only", definition={"types": ["job"]})
    html = signed_in.get(f"/resumes/compare/?a={main.pk}&b={variant.pk}").content.decode()
    assert "Jobs only" in html and "— left out" in html and "✓ included" in html
    assert "Only here: <strong>1</strong>" in html  # the degree, in the main resume only
    assert signed_in.get("/resumes/compare/").status_code == 200


def test_another_users_variant_pages_are_404(client, other_user, signed_in, user):
    main = _main(user)
    variant = variant_services.variant_create(main=main, title="Mine", definition={})
    client.force_login(other_user)
    assert client.get(f"/resumes/{main.pk}/variants/new/").status_code == 404
    assert client.get(f"/resumes/{variant.pk}/variant/").status_code == 404
    assert client.post(f"/resumes/{main.pk}/variants/preview/", {}).status_code == 404
    assert client.get(f"/resumes/compare/?a={main.pk}&b={variant.pk}").status_code == 404
