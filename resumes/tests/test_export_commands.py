import io
import json

import jsonschema
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from resumes.models import Achievement, Resume

from .export_data import UNICODE_RESUME, official_sample, official_schema


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_then_export_every_format(user, tmp_path):
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(official_sample()), encoding="utf-8")

    output = run("import_json_resume", str(source), "--user", user.username)

    resume = Resume.objects.get(user=user)
    assert (
        f"Imported resume {resume.pk} “Richard Hendriks (imported)” for {user.username}: 6 achievements"
        in output
    )
    assert Achievement.objects.filter(user=user).count() == 6

    run("export_resume", str(resume.pk), "--format", "json", "--out", str(tmp_path / "out.json"))
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, official_schema())
    assert document["work"] == official_sample()["work"]

    run("export_resume", str(resume.pk), "--format", "md", "--out", str(tmp_path / "out.md"))
    assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("# Richard Hendriks\n")

    output = run(
        "export_resume",
        str(resume.pk),
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "out.pdf"),
        "--template",
        "modern",
    )
    assert "as pdf to" in output
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "out.pdf").pages)
    assert "Richard Hendriks" in " ".join(text.split())


def test_export_markdown_to_stdout(user):
    resume = Resume.objects.create(user=user, title="CV", content=UNICODE_RESUME)

    output = run("export_resume", str(resume.pk), "--format", "md", "--out", "-")

    assert output.startswith("# Zoë Łukasiewicz-Ångström\n")


def test_import_command_reports_schema_errors_and_writes_nothing(user, tmp_path):
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"basics": {"name": ["x"]}}), encoding="utf-8")

    with pytest.raises(CommandError, match=r"basics\.name: \['x'\] is not of type 'string'"):
        run("import_json_resume", str(source), "--user", user.username)
    assert not Resume.objects.filter(user=user).exists()


def test_command_errors(user, tmp_path):
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        run("import_json_resume", str(tmp_path / "x.json"), "--user", "nobody")
    with pytest.raises(CommandError, match="Cannot read"):
        run("import_json_resume", str(tmp_path / "missing.json"), "--user", user.username)
    (tmp_path / "text.json").write_text("not json", encoding="utf-8")
    with pytest.raises(CommandError, match="is not UTF-8 JSON"):
        run("import_json_resume", str(tmp_path / "text.json"), "--user", user.username)
    with pytest.raises(CommandError, match="No resume with id 999999"):
        run("export_resume", "999999", "--format", "md", "--out", str(tmp_path / "x.md"))
