"""Every page fits a 390 px phone and a 1280 px desktop, loads cleanly, and is photographed.

One browser, one signed-in context and one set of realistic data (long
titles, bare URLs, every pipeline status) serve the whole module; each page at
each width is its own test. The data is committed (the server runs in its own
thread) and removed when the module ends.

Screenshots of the main pages are taken on every run; with
UPDATE_SCREENSHOTS=1 (``make screenshots``) they replace
docs/screenshots/<page>-<width>.png, which the README shows. Otherwise they go
to a temporary folder, so a test run never dirties the checkout.
"""

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from accounts.tests.factories import UserFactory
from ai.models import AIModel
from job_tracker.contacts import services as contacts
from job_tracker.followups.services import calendar_token_rotate
from job_tracker.interviews import services as interviews
from job_tracker.jobs.alerts.emails import unsubscribe_token
from job_tracker.models import JobSource, SavedSearch, WeeklyReport
from job_tracker.tests.factories import JobApplicationFactory, JobPostingFactory, JobSourceFactory
from resumes.exporters.pdf import render_pdf
from resumes.importing import services as import_services
from resumes.integrations import services as integrations
from resumes.models import AchievementType, Resume
from resumes.sharing import services as sharing
from resumes.tests.factories import AchievementFactory, ResumeFactory
from resumes.variants.services import variant_create

from .browser import CHROMIUM, CHROMIUM_ARGS

# Not transactional: the module's data is committed once, outside the tests, and
# must outlive each of them (a transactional test would flush it).
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SCREENSHOTS = (
    Path(settings.BASE_DIR) / "docs" / "screenshots"
    if os.environ.get("UPDATE_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "resumate-screenshots"
)
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
LONG_URL = (
    "https://credentials.example-university.edu/verify/certificates/2024/ABCDEF0123456789ABCDEF0123456789"
)


@dataclass(frozen=True)
class Page:
    name: str
    path: str  # formatted with the data's ids
    signed_in: bool = True
    screenshot: bool = False


PAGES = [
    Page("home", "/", signed_in=False),
    Page("login", "/login/", signed_in=False),
    Page("signup", "/signup/", signed_in=False),
    Page("password-reset", "/accounts/password/reset/", signed_in=False),
    Page("dashboard", "/dashboard/", screenshot=True),
    Page("achievements", "/achievements/"),
    Page("achievement-new", "/achievements/new/"),
    Page("achievement-edit", "/achievements/{achievement}/edit/"),
    Page("resumes", "/resumes/"),
    Page("resume", "/resumes/{resume}/", screenshot=True),
    Page("resume-edit", "/resumes/{tailored}/edit/"),
    Page("variant-new", "/resumes/{resume}/variants/new/"),
    Page("variant", "/resumes/{variant}/"),
    Page("variant-edit", "/resumes/{variant}/variant/"),
    Page("variant-compare", "/resumes/compare/?a={resume}&b={variant}"),
    Page("export", "/resumes/{resume}/export/", screenshot=True),
    Page("resume-import", "/resumes/import/"),
    Page("import", "/import/"),
    Page("import-review", "/import/{import_draft}/", screenshot=True),
    Page("board", "/applications/", screenshot=True),
    Page("applications", "/applications/list/"),
    Page("application-new", "/applications/new/"),
    Page("application", "/applications/{application}/", screenshot=True),
    Page("application-edit", "/applications/{application}/edit/"),
    Page("applications-deleted", "/applications/deleted/"),
    Page("jobs", "/jobs/", screenshot=True),
    Page("job", "/jobs/{posting}/"),
    Page("saved-searches", "/jobs/saved-searches/"),
    Page("skill-gaps", "/jobs/skill-gaps/?title=backend+developer", screenshot=True),
    Page("hh-apply", "/jobs/{hh_posting}/hh-apply/"),
    Page("alert-unsubscribe", "/jobs/alerts/unsubscribe/{unsubscribe}/", signed_in=False),
    Page("reports", "/reports/", screenshot=True),
    Page("ai", "/ai/", screenshot=True),
    Page("ai-generate", "/ai/generate/"),
    Page("ai-cover-letter", "/ai/cover-letter/"),
    Page("ai-tailor", "/ai/tailor/"),
    Page("ai-interview", "/ai/interview/"),
    Page("integrations", "/integrations/", screenshot=True),
    Page("integration", "/integrations/{integration}/"),
    Page("settings", "/settings/"),
    Page("tokens", "/settings/tokens/"),
    Page("email", "/accounts/email/"),
    Page("password-change", "/accounts/password/change/"),
    Page("two-factor", "/accounts/2fa/"),
    Page("connected-accounts", "/accounts/3rdparty/"),
    Page("interview-new", "/applications/{application}/interviews/new/"),
    Page("tracker-settings", "/tracker/settings/"),
    Page("contacts", "/contacts/"),
    Page("contact", "/contacts/{contact}/", screenshot=True),
    Page("contact-new", "/contacts/new/"),
    Page("contact-edit", "/contacts/{contact}/edit/"),
    Page("companies", "/companies/"),
    Page("company", "/companies/{company}/"),
    Page("shared-resume", "/s/{share_token}/", signed_in=False),
    Page("shared-password", "/s/{protected_token}/", signed_in=False),
    Page("public-profile", "/p/{profile_slug}/", signed_in=False),
]
# Every page is also opened by a browser asking for Russian.
RUSSIAN_PAGES = PAGES
# Pages whose main heading is the user's own words (a posting, company or person), the same in any language.
HEADING_IS_DATA = {"job", "company", "public-profile", "shared-resume", "resume", "variant"}
# A form page without an <h1> is headed by its card's title.
MAIN_HEADING = "main h1, main h2"
# Interface words that, standing alone as a button, link or column label, mean an untranslated page.
ENGLISH_LABELS = {
    "Save", "Delete", "Cancel", "Edit", "Back", "Open", "Add", "Search", "Filter", "Clear", "Copy",
    "Download", "Restore", "Move", "Track", "Connect", "Disconnect", "Revoke", "Pause", "Activate",
    "Next", "Previous", "Continue", "Log in", "Log out", "Sign up", "Share", "Compare", "Import",
    "Applications", "Jobs", "Resumes", "Achievements", "Contacts", "Companies", "Reports", "Settings",
    "Status", "Company", "Role", "Name", "Applied", "Updated", "Notes", "Details", "History",
}  # fmt: skip
# The text of every control and table heading on the page, one entry each.
LABELS = """() => [...document.querySelectorAll('button, a, summary, label, th, legend, h1, h2, h3')]
  .map(e => e.innerText.trim()).filter(Boolean)"""


def _make_data(user, client):
    """A job seeker a year into the search, with the long words real data has; (source, ids)."""
    AIModel.objects.get_or_create(
        display_name="Offline", defaults={"model_name": "offline", "api_provider": "offline"}
    )
    achievement = AchievementFactory(
        user=user,
        title="Senior platform engineer for the internationalisation and localisation infrastructure",
        organization="Rheinisch-Westfälische Versicherungsgesellschaft AG",
        location="Düsseldorf",
        description=f"Owned the Kubernetes-based deployment pipeline. Write-up: {LONG_URL}",
        skills=["Python", "Django", "PostgreSQL", "Kubernetes", "Terraform"],
        highlights=[
            "Cut p95 latency of the pricing API from 1.8 s to 240 ms",
            "Migrated 40 services to ContinuousDeploymentPipelineOrchestrator",
        ],
        url=LONG_URL,
    )
    AchievementFactory(
        user=user,
        type=AchievementType.CERTIFICATION,
        title="AWS Certified Solutions Architect - Professional",
        organization="Amazon Web Services",
        start_date=dt.date(2023, 3, 1),
        end_date=None,
        url=LONG_URL,
        skills=["AWS"],
    )
    AchievementFactory(
        user=user,
        type=AchievementType.DEGREE,
        title="MSc Computer Science (Distributed Systems)",
        organization="České vysoké učení technické v Praze",
        start_date=dt.date(2014, 9, 1),
        end_date=dt.date(2016, 6, 30),
    )
    resume = Resume.objects.get(user=user, is_auto=True)
    tailored = ResumeFactory(
        user=user,
        title="Tailored for Globex: Staff Software Engineer, Developer Productivity",
        content={**resume.content, "basics": {**resume.content.get("basics", {}), "url": LONG_URL}},
    )

    variant = variant_create(
        main=resume,
        title="Platform work, anonymised for the Versicherungsgesellschaft NDA (German)",
        definition={"types": ["job", "certification"], "anonymize": True, "language": "de"},
        overrides=[
            {"achievement": achievement.pk, "field": "highlights", "index": 0, "text": "Cut p95 by 87%"}
        ],
    )

    source = JobSourceFactory(name="Globex Corporation", identifier="globex-corporation-careers")
    posting = JobPostingFactory(
        source=source,
        title="Staff Software Engineer, Developer Productivity and Continuous Integration Infrastructure",
        company_name="Globex Corporation",
        location="Remote (Europe)",
        description="Build the tools every engineer uses. " * 20,
        skills_required=["Python", "Kubernetes", "Bazel", "gRPC"],
        url=f"https://boards.example.com/globex/jobs/{'a1b2c3d4' * 8}",
    )
    for n in range(4):
        JobPostingFactory(source=source, title=f"Backend developer {n}", skills_required=["Python", "Go"])

    statuses = [
        "wishlist",
        "applied",
        "applied",
        "screening",
        "interviewing",
        "offer",
        "rejected",
        "withdrawn",
    ]
    created = []
    for n, status in enumerate(statuses):
        created.append(
            JobApplicationFactory(
                user=user,
                status=status,
                job_title=f"Principal Site-Reliability Engineer (Observability) {n}",
                company_name="Aktiengesellschaft für Datenverarbeitung und Kommunikationstechnik",
                url=f"https://jobs.example.com/postings/{'0123456789abcdef' * 4}",
                original_job_description="We need someone to own reliability. " * 10,
                notes=f"Recruiter said to follow up. Portal: {LONG_URL}",
                date_applied=dt.date(2026, 1, 5 + n),
                resume_used=resume,
                job_posting=posting if n == 1 else None,
            )
        )
    application = created[1]
    deleted = client.post(f"/applications/{created[-1].pk}/delete/")
    assert deleted.status_code == 302, deleted

    for weeks_ago, sent in enumerate([5, 8, 3, 6]):
        WeeklyReport.objects.create(
            user=user,
            week_start=dt.date(2026, 1, 26) - dt.timedelta(weeks=weeks_ago),
            applications_sent=sent,
            responses=2,
            interviews=1,
            offers=weeks_ago == 0,
            response_rate=0.4,
            interview_rate=0.2,
            recommendations=[
                "3 applications sat in applied for over 14 days: follow up with "
                "Aktiengesellschaft für Datenverarbeitung und Kommunikationstechnik."
            ],
        )

    contact = contacts.contact_create(
        user=user,
        name="Maximilian Alexander von Hohenzollern-Sigmaringen",
        role="Senior Technical Recruiter, Engineering and Infrastructure",
        company="Aktiengesellschaft für Datenverarbeitung und Kommunikationstechnik",
        email="maximilian.alexander.von.hohenzollern@datenverarbeitung-kommunikation.example.com",
        linkedin_url=f"https://www.linkedin.com/in/{'maximilian-alexander' * 3}",
        notes=f"Prefers e-mail. Scheduling page: {LONG_URL}",
        applications=created[1:4],
    )
    for kind, day in (("video", 2), ("take_home", 6)):
        interviews.interview_create(
            application=application,
            kind=kind,
            starts_at=dt.datetime(2026, 2, day, 14, 0),
            ends_at=dt.datetime(2026, 2, day, 15, 0) if kind == "video" else None,
            time_zone="Europe/Berlin",
            location="Konferenzraum Rheinblick, Königsallee 92a, 40212 Düsseldorf",
            link=f"https://meet.example.com/{'abcdefgh' * 8}",
            contacts=[contact],
            notes=f"Prepare the system design exercise: {LONG_URL}",
        )
    company = contacts.company_ensure(user=user, name=application.company_name)
    contacts.company_update(company=company, notes=f"Works with insurers. {LONG_URL}", website=LONG_URL)
    calendar_token_rotate(user=user)

    integration, _secret = integrations.integration_create(
        user=user, platform="generic", name="Credly badges for the Kubernetes community programme"
    )
    integrations.send_test_event(integration=integration)

    # A PDF of the resume, read back into an import draft waiting for review.
    pdf = render_pdf(resume.content, template="modern", paper="a4", title=resume.title)
    import_draft = import_services.draft_create(user=user, data=pdf, filename="résumé-final-version-2026.pdf")

    link, share_token = sharing.share_link_create(resume=tailored, allow_comments=True, show_email=True)
    sharing.record_visit(link=link, kind="views", client="203.0.113.5")
    sharing.share_comment_create(
        link=link,
        section="work",
        author_name="Hiring manager at Globex Corporation",
        body=f"Could you say more about the pipeline migration? {LONG_URL}",
        client="203.0.113.5",
        sections=["work"],
    )
    _protected, protected_token = sharing.share_link_create(resume=resume, password="globex-2026")
    sharing.public_profile_update(
        user=user, slug="marie-novakova", published=True, sections=["work", "skills"]
    )
    hh_posting = JobPostingFactory(
        source=JobSourceFactory(kind="hh", identifier="text=python&area=1", name="hh.ru"),
        external_id="93353083",
        title="Ведущий Python-разработчик (Django, PostgreSQL, высоконагруженные системы)",
        company_name="Сбер",  # noqa: RUF001 (Cyrillic on purpose)
        location="Москва",
    )
    saved_search = SavedSearch.objects.create(
        user=user,
        name="Remote platform engineering roles with Kubernetes and Terraform in the European Union",
        q="kubernetes terraform",
        remote="remote",
        source=source,
    )

    ids = {
        "import_draft": import_draft.pk,
        "share_token": share_token,
        "protected_token": protected_token,
        "profile_slug": "marie-novakova",
        "hh_posting": hh_posting.pk,
        "unsubscribe": unsubscribe_token(saved_search),
        "achievement": achievement.pk,
        "resume": resume.pk,
        "tailored": tailored.pk,
        "variant": variant.pk,
        "application": application.pk,
        "posting": posting.pk,
        "integration": integration.pk,
        "contact": contact.pk,
        "company": company.pk,
    }
    return source, ids


# What sticks out of the window, so a failure says what to fix: the outermost
# elements (not those a scrolling box clips; absolute ones escape it) and text runs.
OFFENDERS = """(limit) => {
  const out = (r) => r.right > limit + 1;
  const clipped = (e) => {
    if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return false;
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const name = (e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''}`;
  const found = [...document.querySelectorAll('body *')]
    .filter(e => out(e.getBoundingClientRect()) && !clipped(e))
    .filter(e => !(e.parentElement !== document.body && out(e.parentElement.getBoundingClientRect())))
    .map(e => `${name(e)} right=${Math.round(e.getBoundingClientRect().right)}`);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if (out(range.getBoundingClientRect()) && !clipped(node.parentElement)) {
      found.push(`text in ${name(node.parentElement)}: ${node.textContent.trim().slice(0, 40)}`);
    }
  }
  return found.slice(0, 6);
}"""


class Browser:
    """One tab per (signed in?, language, width), reused from test to test; each records what went wrong."""

    def __init__(self, contexts):
        self.contexts = contexts
        self.tabs = {}

    def open(self, path, *, signed_in, width, language="en"):
        if (signed_in, language, width) not in self.tabs:
            size = dict(zip(("width", "height"), WIDTHS[width], strict=True))
            page = self.contexts[signed_in, language].new_page()
            page.set_viewport_size(size)
            page.set_default_timeout(15_000)
            problems = []
            page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
            self.tabs[signed_in, language, width] = page, problems
        page, problems = self.tabs[signed_in, language, width]
        problems.clear()
        response = page.goto(path, wait_until="load")
        assert response.status == 200, f"{path} answered {response.status}"
        assert response.url.endswith(path), f"{path} redirected to {response.url}"
        return page, problems


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """(the data's ids, a Browser), shared by the module."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Not pytest-django's live_server: it would flush the database after every test.
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as monkeypatch:
        # Playwright's sync API runs an event loop; Django must allow ORM calls beside it.
        monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        user = UserFactory(username="maria_novakova", first_name="Marie", last_name="Nováková")
        client = Client()
        client.force_login(user)
        sources_before = set(JobSource.objects.values_list("pk", flat=True))
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            _source, ids = _make_data(user, client)
            cookie = {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": server.url,
            }
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
                )
                # The browser's own language is what a first visit goes by (Accept-Language).
                contexts = {
                    (signed_in, language): browser.new_context(base_url=server.url, locale=language)
                    for signed_in in (True, False)
                    for language in ("en", "ru")
                }
                for language in ("en", "ru"):
                    contexts[True, language].add_cookies([cookie])
                try:
                    yield ids, Browser(contexts)
                finally:
                    browser.close()
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            user.delete()
            # Every board the data made (hh.ru's too) goes, with its postings: later tests expect none.
            JobSource.objects.exclude(pk__in=sources_before).delete()
            connections.close_all()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("spec", PAGES, ids=[p.name for p in PAGES])
def test_page_fits_the_window_and_loads_cleanly(site, spec, width):
    ids, browser = site
    path = spec.path.format(**ids)
    page, problems = browser.open(path, signed_in=spec.signed_in, width=width)
    if spec.screenshot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = f"{spec.name}-{WIDTHS[width][0]}.png"
        page.screenshot(path=SCREENSHOTS / name, full_page=width == "phone")
        assert (SCREENSHOTS / name).stat().st_size > 0
    _assert_fits(page, path)
    assert problems == []


@pytest.mark.parametrize("spec", RUSSIAN_PAGES, ids=[p.name for p in RUSSIAN_PAGES])
def test_page_in_russian_fits_a_phone(site, spec):
    ids, browser = site
    path = spec.path.format(**ids)
    english, _ = browser.open(path, signed_in=spec.signed_in, width="phone")
    english_heading = english.locator(MAIN_HEADING).first.inner_text()
    page, problems = browser.open(path, signed_in=spec.signed_in, width="phone", language="ru")
    assert page.evaluate("document.documentElement.lang") == "ru"
    menu = page.locator("header nav").inner_text()
    assert ("Выйти" if spec.signed_in else "Войти") in menu
    if spec.name not in HEADING_IS_DATA:
        heading = page.locator(MAIN_HEADING).first.inner_text()
        assert heading != english_heading, f"{path}: the heading {heading!r} is not translated"
    english_left = sorted({label for label in page.evaluate(LABELS) if label in ENGLISH_LABELS})
    assert english_left == [], f"{path} still shows English labels: {english_left}"
    _assert_fits(page, path)
    assert problems == []


def _assert_fits(page, path):
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    wide = page.evaluate(OFFENDERS, inner_width) if scroll_width > inner_width else []
    assert scroll_width <= inner_width, (
        f"{path} is {scroll_width} px wide in a {inner_width} px window: {wide}"
    )
