"""Run every ``<app>.bench`` module against a throwaway database."""

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


def main(selected):
    logging.getLogger("resumate.request").setLevel(logging.WARNING)
    setup_test_environment()
    db = settings.DATABASES["default"]
    db.setdefault("TEST", {})["NAME"] = (
        str(Path(settings.BASE_DIR) / "var" / "bench.sqlite3")
        if db["ENGINE"].endswith("sqlite3")
        else "resumate_bench"
    )
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Each row's baseline ran in the",
        "same process on the same machine and database.",
        "",
        *machine(),
        "",
    ]
    try:
        for config in apps.get_app_configs():
            if not module_has_submodule(config.module, "bench"):
                continue
            if selected and config.label not in selected:
                continue
            module = import_module(f"{config.name}.bench")
            print(f"== {config.label}", flush=True)
            lines += [f"## {config.verbose_name}", "", (module.__doc__ or "").strip(), ""]
            lines += ["| benchmark | result | baseline | baseline result | note |", "|---|---|---|---|---|"]
            for r in module.run():
                base = f"{fmt(r.baseline_value)} {r.unit}" if r.baseline_value is not None else ""
                row = f"| {r.name} | {fmt(r.value)} {r.unit} | {r.baseline_name} | {base} | {r.note} |"
                print(row, flush=True)
                lines.append(row)
            lines.append("")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text("\n".join(lines))
    print(f"written to {OUTPUT}")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resumate.settings")
    django.setup()
    main(set(sys.argv[1:]))
