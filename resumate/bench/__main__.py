"""Run every ``<app>.bench`` module against a throwaway database.

``python -m resumate.bench KEY ...`` runs only the named sections (an app label, or the ``KEY`` of a
section an app's bench lists in ``SECTIONS``) and replaces just those in docs/BENCHMARKS.md.
"""

import logging
import os
import platform
import sys
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test.utils import setup_test_environment
from django.utils.module_loading import module_has_submodule

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "BENCHMARKS.md"


def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except OSError:
        mem_kb = 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        db_version = cursor.fetchone()[0].split(" on ")[0]
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory {mem_kb / 1024 / 1024:.1f} GiB",
        f"- {platform.platform()}; Python {platform.python_version()}",
        f"- Database: {connection.vendor} ({db_version}); cache: {settings.CACHES['default']['BACKEND']}",
    ]


def fmt(value):
    return f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"


# Sections of the whole project rather than of one app.
PROJECT_SECTIONS = ("resumate.bench.http",)


def benches(selected):
    """``(key, title, module)``: one per app with a bench, then the sections its bench lists."""
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "bench"):
            continue
        module = import_module(f"{config.name}.bench")
        found = [(config.label, config.verbose_name, module)]
        found += [(sub.KEY, sub.TITLE, sub) for sub in map(import_module, getattr(module, "SECTIONS", ()))]
        yield from (item for item in found if not selected or item[0] in selected)
    for sub in map(import_module, PROJECT_SECTIONS):
        if not selected or sub.KEY in selected:
            yield sub.KEY, sub.TITLE, sub


def split_sections(text):
    """The file's head lines and ``{title: lines}`` of its ``## `` sections, in order."""
    head, sections, current = [], {}, None
    for line in text.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = []
        (head if current is None else sections[current]).append(line)
    return head, sections


def main(selected):
    logging.getLogger("resumate.request").setLevel(logging.WARNING)
    setup_test_environment()
    db = settings.DATABASES["default"]
    db.setdefault("TEST", {})["NAME"] = (
        str(Path(settings.BASE_DIR) / "var" / "bench.sqlite3")
        if db["ENGINE"].endswith("sqlite3")
        # Beside the configured database, so two checkouts on one server never clobber each other's.
        else f"{db['NAME']}_bench"
    )
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    now = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    head = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {now}. Each row's baseline ran in the",
        "same process on the same machine and database.",
        "",
        *machine(),
        "",
    ]
    sections = {}
    if selected and OUTPUT.exists():
        head, sections = split_sections(OUTPUT.read_text())
    try:
        for key, title, module in benches(selected):
            print(f"== {key}", flush=True)
            lines = [f"## {title}", "", (module.__doc__ or "").strip(), ""]
            if selected:
                lines += [f"Measured alone by `make bench BENCH={key}` on {now}.", ""]
            lines += ["| benchmark | result | baseline | baseline result | note |", "|---|---|---|---|---|"]
            for r in module.run():
                base = f"{fmt(r.baseline_value)} {r.unit}" if r.baseline_value is not None else ""
                row = f"| {r.name} | {fmt(r.value)} {r.unit} | {r.baseline_name} | {base} | {r.note} |"
                print(row, flush=True)
                lines.append(row)
            sections[title] = lines
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    OUTPUT.parent.mkdir(exist_ok=True)
    body = [line for lines in sections.values() for line in ("\n".join(lines).rstrip(), "")]
    OUTPUT.write_text("\n".join(["\n".join(head).rstrip(), "", *body]))
    print(f"written to {OUTPUT}")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resumate.settings")
    django.setup()
    main(set(sys.argv[1:]))
