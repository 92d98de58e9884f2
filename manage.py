#!/usr/bin/env python
import os
import sys
from pathlib import Path

# What says which mode a run is in. With none of it (a bare clone), manage.py runs in development
# mode, as `make run` and the tests do; the web and worker processes never fall back to it.
MODE_SETTINGS = ("DEBUG", "SECRET_KEY")


def _configured() -> bool:
    dotenv = Path(__file__).resolve().parent / ".env"
    lines = dotenv.read_text().splitlines() if dotenv.exists() else []
    named = {
        line.split("=", 1)[0].strip() for line in lines if "=" in line and not line.lstrip().startswith("#")
    }
    return any(name in os.environ or name in named for name in MODE_SETTINGS)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resumate.settings")
    if not _configured():
        os.environ["DEBUG"] = "1"
        print("manage.py: no DEBUG or SECRET_KEY set; development mode (DEBUG=1).", file=sys.stderr)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
