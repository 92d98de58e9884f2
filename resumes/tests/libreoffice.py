"""LibreOffice (Debian's libreoffice-writer), headless, as an independent reader of our DOCX files."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def require_libreoffice():
    """Skip without LibreOffice on a developer machine; under CI (``CI`` set) its absence fails."""
    if SOFFICE:
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required under CI: .ci/run installs libreoffice-writer.")
    pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")


def convert_to_pdf(paths: list[Path], outdir: Path, profile: Path) -> dict[Path, Path]:
    """Convert every file with one LibreOffice process; its own profile so parallel runs never share one.

    Fails (with LibreOffice's output) when a file produced no PDF: LibreOffice
    could not open or convert it.
    """
    require_libreoffice()
    completed = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    results = {path: outdir / f"{path.stem}.pdf" for path in paths}
    missing = [str(path) for path, pdf in results.items() if not pdf.is_file() or pdf.stat().st_size == 0]
    assert completed.returncode == 0 and not missing, (
        f"LibreOffice failed on {missing}: {completed.returncode}\n{completed.stdout}\n{completed.stderr}"
    )
    return results
