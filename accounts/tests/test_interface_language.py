"""The interface in English and Russian: chosen by the browser, switched in account settings."""

import pytest
from django.conf import settings
from django.utils import translation

from resumate.errors import server_error
from resumes.models import Resume
from resumes.tests.factories import AchievementFactory

pytestmark = pytest.mark.django_db

RUSSIAN = {"HTTP_ACCEPT_LANGUAGE": "ru-RU,ru;q=0.9"}


def page(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_english_by_default(client, user):
    client.force_login(user)
    html = page(client, "/dashboard/")
    assert '<html lang="en">' in html
    assert "Achievements" in html and "Log out" in html


def test_a_russian_browser_gets_russian_pages(client, user):
    client.force_login(user)
    html = page(client, "/dashboard/", **RUSSIAN)
    assert '<html lang="ru">' in html
    assert f"Здравствуйте, {user.first_name or user.username}" in html
    assert "Достижения" in html and "Выйти" in html
    assert "Отчёт за неделю" in html and "Подходящие вакансии" in html  # other apps' panels too
    assert "Log out" not in html


def test_signed_out_pages_in_russian(client):
    assert "Ваше резюме, всегда актуальное." in page(client, "/", **RUSSIAN)
    login = page(client, "/login/", **RUSSIAN)
    assert "Забыли пароль?" in login
    assert "Пароль" in login  # allauth's own field label, from its catalogue
    assert "Создайте учётную запись" in page(client, "/signup/", **RUSSIAN)


def test_switch_in_account_settings_keeps_the_choice(client, user):
    client.force_login(user)
    settings_page = page(client, "/settings/")
    assert 'action="/i18n/setlang/"' in settings_page and 'value="ru"' in settings_page

    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/settings/"})

    assert response.status_code == 302 and response["Location"] == "/settings/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    html = page(client, "/settings/")  # no Accept-Language: the cookie decides
    assert "Настройки учётной записи" in html and "Сохранить профиль" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/settings/"})
    assert "Account settings" in page(client, "/settings/", **RUSSIAN)  # the choice beats the browser


def test_messages_and_forms_in_russian(client, user):
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "ru"})
    response = client.post("/settings/", {"action": "profile", "profile-time_zone": "UTC"}, follow=True)
    assert "Профиль сохранён." in response.content.decode()
    assert ">Сайт</label>" in response.content.decode()  # a field the form declares itself
    form = page(client, "/achievements/new/")
    assert "Новое достижение" in form and "Дата окончания" in form and "Стажировка" in form


def test_achievements_and_resumes_pages_in_russian(client, user):
    AchievementFactory(user=user, title="Backend Developer", end_date=None)
    client.force_login(user)
    achievements = page(client, "/achievements/", **RUSSIAN)
    assert "Добавить достижение" in achievements and "н. в." in achievements
    assert "Backend Developer" in achievements  # the user's own words stay as written
    resumes = page(client, "/resumes/", **RUSSIAN)
    assert "Сравнить варианты" in resumes and "авто" in resumes
    resume = Resume.objects.get(user=user, is_auto=True)
    detail = page(client, f"/resumes/{resume.pk}/", **RUSSIAN)
    assert "Скачать PDF" in detail and "Поделиться" in detail and "Создать ссылку" in detail
    variant_form = page(client, f"/resumes/{resume.pk}/variants/new/", **RUSSIAN)
    assert "Новый вариант вашего резюме" in variant_form and "Скрыть названия работодателей" in variant_form


def test_error_pages_in_russian(client, rf):
    missing = client.get("/no-such-page/", **RUSSIAN)
    assert missing.status_code == 404
    assert (
        "Страница не найдена" in missing.content.decode() and '<html lang="ru">' in missing.content.decode()
    )
    assert "Page not found" in client.get("/no-such-page/").content.decode()
    with translation.override("ru"):
        broken = server_error(rf.get("/dashboard/"))
    assert broken.status_code == 500 and "Что-то пошло не так" in broken.content.decode()
