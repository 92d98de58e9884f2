"""Short-lived signed links to a resume file, for an assistant to hand the user.

The link carries who, which resume and how, signed with SECRET_KEY; it opens without a log-in for
``DOWNLOAD_MAX_AGE`` seconds and only while the resume is still that user's.
"""

from django.core import signing
from django.http import Http404

from resumes.exporters.downloads import docx_response, pdf_response
from resumes.models import Resume

DOWNLOAD_MAX_AGE = 15 * 60
SALT = "assistant.resume-download"


def sign_download(*, user, resume, format: str, template: str, paper: str) -> str:
    return signing.dumps({"u": user.pk, "r": resume.pk, "f": format, "t": template, "p": paper}, salt=SALT)


def download(request, token: str):
    try:
        claim = signing.loads(token, salt=SALT, max_age=DOWNLOAD_MAX_AGE)
    except signing.BadSignature as exc:  # expired links are bad signatures too
        raise Http404("This download link is invalid or has expired.") from exc
    resume = Resume.objects.filter(pk=claim["r"], user_id=claim["u"], user__is_active=True).first()
    if resume is None:
        raise Http404("This resume is no longer there.")
    respond = docx_response if claim["f"] == "docx" else pdf_response
    response = respond(resume, template=claim["t"], paper=claim["p"])
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
