import pytest
from django.core.management import CommandError, call_command

from resumes.exporters.pdf import render_pdf
from resumes.importing.models import ImportDraft
from resumes.models import Achievement

from . import corpus


@pytest.fixture
def pdf_file(tmp_path):
    path = tmp_path / "cv.pdf"
    path.write_bytes(render_pdf(corpus.CAREER, template="modern", paper="letter"))
    return path


def test_dry_run_shows_entries_and_writes_nothing(user, pdf_file, capsys):
    call_command("import_career_data", str(pdf_file), "--user", user.username, "--dry-run")

    out = capsys.readouterr()
    assert "pdf: " in out.out and "Staff Engineer · Stripe Inc. 2021-03-01" in out.out
    assert "Dry run: nothing was written." in out.out
    assert "import" in out.err  # the progress bar
    assert Achievement.objects.count() == 0 and ImportDraft.objects.count() == 0


def test_import_confirms_everything_and_merges_on_rerun(user, pdf_file, capsys):
    call_command("import_career_data", str(pdf_file), "--user", user.username)
    created = Achievement.objects.filter(user=user).count()
    assert created >= 5
    call_command("import_career_data", str(pdf_file), "--user", user.username)

    assert Achievement.objects.filter(user=user).count() == created
    assert f"0 created, {created} merged" in capsys.readouterr().out


def test_bad_input(user, tmp_path):
    bad = tmp_path / "x.gif"
    bad.write_bytes(b"GIF89a....")
    with pytest.raises(CommandError, match="Not a PDF"):
        call_command("import_career_data", str(bad), "--user", user.username)
    with pytest.raises(CommandError, match="No user"):
        call_command("import_career_data", str(bad), "--user", "nobody")
