"""A fresh clone carries everything its tests need: nothing outside it is read.

The suite is collected, and the tests that read fixture files are run, in a
clone made in an empty temporary folder, with nothing set (SQLite, local
memory). An audit hook in that run records every file opened beside the clone
or beside this checkout (the team's reference folder, say) that is not part of
the clone or of the virtualenv.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

REPO = Path(settings.BASE_DIR)

# Loaded into the inner pytest with ``-p outside_reads``.
AUDIT_PLUGIN = """
import os
import sys
from pathlib import Path

_ALLOWED = tuple(p + os.sep for p in os.environ["ALLOWED_ROOTS"].split(os.pathsep))
_WATCHED = tuple(p + os.sep for p in os.environ["WATCHED_ROOTS"].split(os.pathsep))
_outside = set()


def _audit(event, args):
    if event != "open" or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    path = os.path.abspath(os.fsdecode(args[0]))
    if path.startswith(_WATCHED) and not path.startswith(_ALLOWED):
        _outside.add(path)


sys.addaudithook(_audit)


def pytest_sessionfinish(session, exitstatus):
    Path(os.environ["OUTSIDE_REPORT"]).write_text("\\n".join(sorted(_outside)))
"""

# The tests that read files of their own (the JSON Resume schema and sample).
FILE_READING_TESTS = [
    "resumes/tests/test_export_json_resume.py",
    "resumes/tests/test_export_markdown.py",
]


def _roots(*paths):
    found = []
    for path in paths:
        for variant in (os.path.abspath(path), os.path.realpath(path)):
            if variant not in found:
                found.append(variant)
    return os.pathsep.join(found)


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    target = tmp_path_factory.mktemp("fresh") / "resumate"
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(REPO), str(target)], check=True)
    subprocess.run(["git", "-C", str(target), "checkout", "--quiet", head], check=True)
    return target


def _run_inner_pytest(clone, *args):
    plugin_dir = clone.parent / "plugin"
    plugin_dir.mkdir(exist_ok=True)
    (plugin_dir / "outside_reads.py").write_text(AUDIT_PLUGIN)
    report = clone.parent / "outside-reads.txt"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "REQUIRE_BROWSER", "PYTHONPATH"}
    }
    env.update(
        PYTHONPATH=str(plugin_dir),
        OUTSIDE_REPORT=str(report),
        ALLOWED_ROOTS=_roots(clone, plugin_dir, report, sys.prefix),
        WATCHED_ROOTS=_roots(clone.parent, REPO.parent),
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "outside_reads", *args],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    outside = [line for line in report.read_text().splitlines() if line] if report.exists() else []
    return result, outside


def test_the_whole_suite_collects_in_a_fresh_clone_without_reading_outside_it(clone):
    result, outside = _run_inner_pytest(clone, "--collect-only")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert outside == []


def test_file_reading_tests_pass_in_a_fresh_clone_without_reading_outside_it(clone):
    result, outside = _run_inner_pytest(clone, *FILE_READING_TESTS)
    # 0: every test ran and passed (5 would be "nothing collected").
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert outside == []


# How a path into the reference folder beside the checkout is spelt (built here, so this file
# does not match itself).
OUTSIDE_MARKERS = (os.path.join("..", "shared"), "/" + os.path.join("shared", "data"))


def test_no_test_module_names_a_path_beside_the_repository():
    this_file = Path(__file__).resolve()
    offenders = [
        str(path.relative_to(REPO))
        for path in REPO.glob("*/**/tests/**/*.py")
        if ".venv" not in path.parts
        and path.resolve() != this_file
        and any(marker in path.read_text(encoding="utf-8") for marker in OUTSIDE_MARKERS)
    ]
    assert offenders == []
