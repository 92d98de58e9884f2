"""Demo data: the demo user's first AI results, written by the offline model through the real service."""

from resumes.models import Resume

from . import services
from .models import AIModel

TITLE = "Backend resume (AI, offline)"
JOB = (
    "Brno Cloud s.r.o. is hiring a Backend Engineer: you will build APIs in Python and Django on PostgreSQL, "
    "deploy with Docker and Kubernetes, and mentor two junior developers."
)


def seed(*, staff, demo, stdout):
    offline = AIModel.objects.filter(display_name="Offline").first()
    if offline is None or Resume.objects.filter(user=demo, title=TITLE).exists():
        stdout.write("ai: demo results already present")
        return
    services.resume_generate(
        user=demo, model=offline, title=TITLE, user_input="Backend roles in Praha or remote; stress Python."
    )
    interview = services.interview_prepare(
        user=demo,
        model=offline,
        job_title="Backend Engineer",
        company_name="Brno Cloud s.r.o.",
        job_description=JOB,
    )
    questions = sum(len(group) for group in interview.value.values())
    stdout.write(
        f"ai: wrote the resume \u201c{TITLE}\u201d and {questions} interview questions for {demo.username}"
    )
