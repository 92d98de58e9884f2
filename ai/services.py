"""The AI features: generate a resume, write a cover letter, tailor a resume, prepare interviews.

Each builds a prompt from the user's own data, asks ``service.complete`` (limits,
cache, retries, breaker, fallback, usage log), checks the answer, and saves
what the feature saves. Errors reach the API as DRF exceptions.
"""

import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from job_tracker.applications.services import SENT_STATUSES, application_update
from job_tracker.contacts.selectors import company_for_name
from job_tracker.models import JobApplication
from resumes.content import validate_content
from resumes.models import Resume
from resumes.services import get_auto_resume, resume_create
from resumes.skills import extract_skills
from resumes.variants.services import variant_from_content

from . import prompts
from .exceptions import DraftExpired, ModelUnavailable
from .gateway import AIResult, AIStream, complete
from .grounding import facts_for, ground_resume, parse_json_object
from .keywords import analyse_job, content_skill_keys, match_score
from .models import AIModel
from .selectors import user_profile

MAX_QUESTIONS_PER_GROUP = 8


@dataclass
class FeatureResult:
    value: object
    ai: AIResult
    resume: Resume | None = None
    application: JobApplication | None = None
    extra: dict = field(default_factory=dict)


def _meta(result: AIResult, feature: str) -> dict:
    return {
        "generatedBy": result.model.display_name,
        "feature": feature,
        "generatedAt": timezone.now().isoformat(),
    }


def _grounded_resume(text: str, facts) -> dict:
    """A model's resume answer held to the user's facts; invalid JSON Resume counts as an unusable answer."""
    content, _removed = ground_resume(parse_json_object(text), facts)
    problems = validate_content(content)
    if problems:
        raise ValueError("; ".join(problems[:3]))
    return content


def resume_generate(*, user, model: AIModel, user_input: str, title: str, client_ip=None) -> FeatureResult:
    """Resume content from the user's achievements and request; saved as a manual resume for signed-in users.

    The content holds only employers, positions, dates and skills on the user's record or in their request.
    """
    profile = user_profile(user=user)
    facts = facts_for(profile=profile, user_text=user_input)
    prompt = prompts.generate_prompt(
        profile=profile, user_input=user_input, title=title, input_skills=extract_skills(user_input)
    )
    result = complete(
        model=model,
        prompt=prompt,
        user=user,
        client_ip=client_ip,
        parse=lambda text: _grounded_resume(text, facts),
    )
    content = {**result.value, "meta": {**result.value.get("meta", {}), **_meta(result, "generate")}}
    resume = None
    if user is not None and user.is_authenticated:
        # A manual resume: the auto resume is rebuilt from achievements and never overwritten here.
        resume = resume_create(user=user, title=title, content=content)
    return FeatureResult(content, result, resume=resume)


def _job(*, application, job_title, company_name, job_description, profile) -> dict:
    if application is not None:
        description = application.original_job_description or (
            application.job_posting.description if application.job_posting else ""
        )
        return analyse_job(
            title=application.job_title,
            company=application.company_name,
            description=description,
            profile=profile,
        )
    return analyse_job(title=job_title, company=company_name, description=job_description, profile=profile)


def _cover_letter_text(text: str) -> str:
    text = text.strip()
    if len(text.split()) < 25:
        raise ValueError("too short for a cover letter")
    return text


def _cover_letter_prompt(*, user, application, job_title, company_name, job_description, resume):
    profile = user_profile(user=user)
    if resume is not None and resume.content:
        profile = {**profile, "resume": resume.content}
    job = _job(
        application=application, job_title=job_title, company_name=company_name,
        job_description=job_description, profile=profile,
    )  # fmt: skip
    return prompts.cover_letter_prompt(profile=profile, job=job)


def cover_letter_write(
    *, user, model: AIModel, application=None, job_title="", company_name="", job_description="", resume=None,
    client_ip=None,
) -> FeatureResult:  # fmt: skip
    """A cover letter for the application (saved on it) or for a pasted job description (returned only)."""
    prompt = _cover_letter_prompt(
        user=user, application=application, job_title=job_title, company_name=company_name,
        job_description=job_description, resume=resume,
    )  # fmt: skip
    result = complete(model=model, prompt=prompt, user=user, client_ip=client_ip, parse=_cover_letter_text)
    if application is not None:
        application_update(application=application, cover_letter=result.value)
    return FeatureResult(result.value, result, application=application)


def posting_cover_letter_write(*, user, posting) -> str:
    """A letter for a scraped job posting with the default model, returned only (the user edits it).

    Registered as the job tracker's cover-letter writer for its "Apply via hh.ru" page.
    """
    model = AIModel.objects.filter(display_name=settings.AI_DEFAULT_MODEL, is_active=True).first()
    if model is None:
        raise ModelUnavailable("No AI model is available to draft a letter.")
    result = cover_letter_write(
        user=user,
        model=model,
        job_title=posting.title,
        company_name=posting.company_name,
        job_description=posting.description,
    )
    return result.value


def _description(application) -> str:
    return application.original_job_description or (
        application.job_posting.description if application.job_posting else ""
    )


def tailored_variant_save(*, user, content: dict, title: str, application=None) -> Resume:
    """Save a tailored document as a variant of the user's main resume, tied to ``application`` if given.

    The variant keeps the tailoring's selection, order, summary and rewordings, and
    rebuilds with the user's achievements from then on. The application records it as
    the resume used unless it was already sent with another one.
    """
    if application is not None and not title:
        title = f"Tailored for {application.job_title} at {application.company_name}"
    variant = variant_from_content(
        main=get_auto_resume(user=user), content=content, title=(title or "Tailored resume")[:200]
    )
    if application is not None:
        sent_with_other = application.status in SENT_STATUSES and application.resume_used_id
        if not sent_with_other:
            application_update(application=application, resume_used=variant)
    return variant


class CoverLetterStream:
    """A cover letter shown while it is written: iterate for the text; then ``result`` or ``error``.

    Same rules as ``cover_letter_write`` (one count against the limit, cache, usage log, fallback
    before the first piece); the finished letter is saved on the application, if there is one.
    """

    def __init__(self, stream: AIStream, application):
        self.stream, self.application = stream, application
        self.result: FeatureResult | None = None

    @property
    def error(self):
        return self.stream.error

    def __iter__(self):
        yield from self.stream
        if self.stream.result is not None:
            if self.application is not None:
                application_update(application=self.application, cover_letter=self.stream.result.value)
            self.result = FeatureResult(
                self.stream.result.value, self.stream.result, application=self.application
            )


def cover_letter_stream(
    *, user, model: AIModel, application=None, job_title="", company_name="", job_description="", resume=None,
    client_ip=None,
) -> CoverLetterStream:  # fmt: skip
    """``cover_letter_write`` for a page that shows the letter as it is written.

    Access and the daily limit are checked here, before anything is sent (``LoginRequired``,
    ``DailyLimitExceeded``); provider failures end up in ``error`` after iteration.
    """
    prompt = _cover_letter_prompt(
        user=user, application=application, job_title=job_title, company_name=company_name,
        job_description=job_description, resume=resume,
    )  # fmt: skip
    stream = AIStream(model=model, prompt=prompt, user=user, client_ip=client_ip, parse=_cover_letter_text)
    return CoverLetterStream(stream, application)


def resume_tailor(
    *, user, model: AIModel, resume: Resume, job_description: str = "", title: str = "", application=None,
    client_ip=None,
) -> FeatureResult:  # fmt: skip
    """The resume reordered and rephrased toward the job, never claiming what the user lacks.

    ``extra`` holds ``score_before`` / ``score_after`` (share of the job's skills the resume shows, 0-100)
    and ``missing_keywords`` (job skills the user has nowhere on record). With ``title`` or
    ``application`` the result is saved as a variant of the main resume (``tailored_variant_save``)
    and ``value`` / ``score_after`` are the variant's; the job is the application's when no
    description is given.
    """
    profile = user_profile(user=user)
    content = resume.content if isinstance(resume.content, dict) else {}
    if application is not None and not job_description.strip():
        job_description = _description(application)
    job = analyse_job(
        title=application.job_title if application else "",
        company=application.company_name if application else "",
        description=job_description,
        profile=profile,
    )
    facts = facts_for(profile=profile, resume_content=content)
    prompt = prompts.tailor_prompt(profile=profile, resume_content=content, job=job)
    result = complete(
        model=model,
        prompt=prompt,
        user=user,
        client_ip=client_ip,
        parse=lambda text: _grounded_resume(text, facts),
    )
    tailored = {**result.value, "meta": {**content.get("meta", {}), **_meta(result, "tailor")}}
    saved = None
    if title or application is not None:
        saved = tailored_variant_save(user=user, content=tailored, title=title, application=application)
        tailored = saved.content
    extra = {
        "score_before": match_score(job["skills"], content_skill_keys(content)),
        "score_after": match_score(job["skills"], content_skill_keys(tailored)),
        "missing_keywords": job["missing"],
        "job_keywords": job["skills"],
    }
    return FeatureResult(tailored, result, resume=saved, application=application, extra=extra)


def _questions(text: str) -> dict:
    data = parse_json_object(text)
    groups = {}
    for group, aliases in (("technical", ()), ("behavioural", ("behavioral",)), ("company", ())):
        raw = next((data[k] for k in (group, *aliases) if isinstance(data.get(k), list)), [])
        items = []
        for item in raw:
            if isinstance(item, dict) and isinstance(item.get("question"), str) and item["question"].strip():
                hint = item.get("hint") if isinstance(item.get("hint"), str) else ""
                items.append({"question": item["question"].strip(), "hint": hint.strip()})
            elif isinstance(item, str) and item.strip():
                items.append({"question": item.strip(), "hint": ""})
        groups[group] = items[:MAX_QUESTIONS_PER_GROUP]
    if not any(groups.values()):
        raise ValueError("no questions in the answer")
    return groups


def interview_prepare(
    *,
    user,
    model: AIModel,
    application=None,
    job_title="",
    company_name="",
    job_description="",
    client_ip=None,
) -> FeatureResult:
    """Questions grouped technical / behavioural / company, with hints from the user's achievements.

    The user's notes on the employer (their company record) and the tracked posting go into the prompt.
    """
    profile = user_profile(user=user)
    job = _job(
        application=application, job_title=job_title, company_name=company_name,
        job_description=job_description, profile=profile,
    )  # fmt: skip
    company = company_for_name(user=user, name=job["company"]) if user and user.is_authenticated else None
    if company is not None:
        job = {
            **job,
            "company_notes": {"website": company.website, "size": company.size, "notes": company.notes},
        }
    if application is not None and application.job_posting is not None:
        posting = application.job_posting
        job = {**job, "posting": {"title": posting.title, "url": posting.url, "location": posting.location}}
    prompt = prompts.interview_prompt(profile=profile, job=job)
    result = complete(model=model, prompt=prompt, user=user, client_ip=client_ip, parse=_questions)
    return FeatureResult(result.value, result, application=application)


def interview_notes(questions: dict) -> str:
    """Interview questions as plain text, for an application's notes."""
    lines = []
    for group in ("technical", "behavioural", "company"):
        lines.append(f"{group.title()} questions:")
        for item in questions.get(group, []):
            lines.append(f"- {item['question']}" + (f"\n  Hint: {item['hint']}" if item.get("hint") else ""))
    return "\n".join(lines)


def application_append_notes(*, application: JobApplication, text: str) -> JobApplication:
    application_update(application=application, notes=f"{application.notes.rstrip()}\n\n{text}".strip())
    return application


def model_test(*, model: AIModel, user=None) -> AIResult:
    """Send a one-line prompt to ``model`` alone (even inactive; no cache, quota or fallback).

    Returns the result (answer text and latency) or raises ``ModelUnavailable`` naming the model's
    own error; the call is logged as an ``AIRequest`` like any other.
    """
    return complete(model=model, prompt=prompts.model_test_prompt(), user=user, probe=True)


# --- Drafts: a result shown on a page, kept briefly so the user can save it where they choose ---

DRAFT_SECONDS = 3600


def _draft_key(user, token: str) -> str:
    return f"ai:draft:{user.pk}:{token}"


def draft_store(*, user, kind: str, value) -> str:
    """Keep a result for an hour; ``kind`` is "tailored" (content), "cover_letter" or "notes" (text)."""
    token = secrets.token_urlsafe(16)
    cache.set(_draft_key(user, token), {"kind": kind, "value": value}, timeout=DRAFT_SECONDS)
    return token


def draft_save(*, user, token: str, title: str = "", application=None) -> str:
    """Save a kept result as a new manual resume or onto one of the user's applications; says what it did."""
    draft = cache.get(_draft_key(user, token))
    if draft is None:
        raise DraftExpired()
    if draft["kind"] == "tailored":
        if application is not None and application.user_id != user.pk:
            raise ValidationError({"application": [_("Pick one of your applications.")]})
        resume = tailored_variant_save(
            user=user, content=draft["value"], title=title, application=application
        )
        message = _("Saved as the variant “%(title)s”; it follows your achievements.") % {
            "title": resume.title
        }
    elif application is None or application.user_id != user.pk:
        raise ValidationError({"application": [_("Pick one of your applications.")]})
    elif draft["kind"] == "cover_letter":
        application_update(application=application, cover_letter=draft["value"])
        message = _("Saved as the cover letter of %(application)s.") % {"application": application}
    else:
        application_append_notes(application=application, text=draft["value"])
        message = _("Added to the notes of %(application)s.") % {"application": application}
    cache.delete(_draft_key(user, token))
    return message
