"""Recognising an upload by its content, and opening ZIP containers without trusting them.

The kind comes from magic bytes and structure, never from the file name. A
ZIP is refused when its entries would inflate past ``MAX_UNCOMPRESSED_BYTES``
or by more than ``MAX_RATIO`` (a ZIP bomb), and entries are read with a hard
length cap in case the sizes in the archive lie.
"""

import io
import json
import zipfile

from django.conf import settings

from .errors import UnreadableFile, UnsupportedFile

MAX_ENTRIES = 500
LINKEDIN_FILES = frozenset(
    name.lower()
    for name in (
        "Profile.csv",
        "Positions.csv",
        "Education.csv",
        "Skills.csv",
        "Certifications.csv",
        "Projects.csv",
        "Languages.csv",
        "Publications.csv",
        "Volunteering.csv",
        "Honors.csv",
        "Courses.csv",
        "Email Addresses.csv",
        "PhoneNumbers.csv",
    )
)


class ZipBomb(UnreadableFile):
    code = "zip_bomb"


class SafeZip:
    """Read-only view of an archive whose declared sizes passed the caps."""

    def __init__(self, data: bytes):
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            raise UnreadableFile("The ZIP archive is damaged.") from exc
        if len(infos) > MAX_ENTRIES:
            raise ZipBomb(f"The archive holds {len(infos)} files; at most {MAX_ENTRIES} are read.")
        limit = settings.IMPORT_MAX_UNCOMPRESSED_BYTES
        total = sum(info.file_size for info in infos)
        if total > limit:
            raise ZipBomb(f"The archive would unpack to {total:,} bytes; the limit is {limit:,}.")
        for info in infos:
            if info.flag_bits & 0x1:
                raise UnreadableFile("The archive is password-protected.")
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1_000_000 and ratio > settings.IMPORT_MAX_COMPRESSION_RATIO:
                raise ZipBomb(
                    f"{info.filename} inflates {ratio:,.0f} times; the limit is "
                    f"{settings.IMPORT_MAX_COMPRESSION_RATIO}."
                )
        self.infos = [info for info in infos if not info.is_dir()]
        self.remaining = limit

    @property
    def names(self) -> list[str]:
        return [info.filename for info in self.infos]

    def read(self, name: str) -> bytes:
        """The entry's bytes, never more than what is left of the uncompressed budget."""
        try:
            with self.archive.open(name) as handle:
                data = handle.read(self.remaining + 1)
        except (zipfile.BadZipFile, OSError, KeyError, NotImplementedError) as exc:
            raise UnreadableFile(f"{name} in the archive could not be read.") from exc
        if len(data) > self.remaining:
            raise ZipBomb("The archive unpacks to more than its entries declare.")
        self.remaining -= len(data)
        return data

    def basename_map(self) -> dict[str, str]:
        """Lower-cased file name (folder prefix dropped) -> entry name."""
        return {name.rsplit("/", 1)[-1].lower(): name for name in self.names}


def decode_text(data: bytes) -> str:
    """UTF-8 with or without BOM; UTF-16 with BOM; otherwise Windows-1252 (old spreadsheet exports)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise UnsupportedFile("The file is neither a known binary format nor readable text.") from exc


def detect_kind(data: bytes, text_kinds) -> str:
    """``pdf``, ``docx``, ``linkedin``, ``reactive_resume``, ``json_resume`` or a registered text kind.

    ``text_kinds`` is ``[(key, detect(text) -> bool)]`` for CSV-like kinds other apps register.
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFile("An old binary Word (.doc) or Excel file: save it as .docx or .csv first.")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        archive = SafeZip(data)
        names = archive.basename_map()
        if "[content_types].xml" in names and any(n.startswith("word/") for n in archive.names):
            return "docx"
        if LINKEDIN_FILES & set(names):
            return "linkedin"
        raise UnsupportedFile("A ZIP archive, but neither a DOCX file nor a LinkedIn data export.")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFile()
    text = decode_text(data).lstrip()
    if text.startswith(("{", "[")):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UnreadableFile(
                f"Not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."
            ) from exc
        return json_kind(document)
    for key, detect in text_kinds:
        if detect(text):
            return key
    raise UnsupportedFile()


def json_kind(document) -> str:
    if isinstance(document, dict) and isinstance(document.get("sections"), dict):
        return "reactive_resume"
    if isinstance(document, dict):
        return "json_resume"
    raise UnreadableFile("The JSON is not an object: neither JSON Resume nor a Reactive Resume export.")
