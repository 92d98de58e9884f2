"""Apps depend one way (accounts <- resumes <- job_tracker, ai on top): the job tracker never imports ai."""

import ast
from pathlib import Path

import job_tracker

ROOT = Path(job_tracker.__file__).parent


def imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_job_tracker_module_imports_the_ai_app():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in ROOT.rglob("*.py")
        if "tests" not in path.relative_to(ROOT).parts
        for module in imported_modules(path)
        if module == "ai" or module.startswith("ai.")
    ]
    assert offenders == []
