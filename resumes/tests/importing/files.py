"""Bad and odd files for the import tests, built on the spot."""

import io
import zipfile

import docx
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def encrypted_pdf(data: bytes) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(data)))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A page with only a drawn picture of text: no text layer."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    for row in range(30):
        page.rect(50, 780 - row * 20, 400, 8, fill=1)
    page.save()
    return out.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_entry(data: bytes, name: str, payload: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info.filename))
        archive.writestr(name, payload)
    return out.getvalue()


def docm_bytes() -> bytes:
    return with_entry(
        docx_bytes("Experience", "Engineer at Acme"), "word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro"
    )


def zip_bomb() -> bytes:
    """A DOCX-shaped archive whose one entry inflates 1000-fold."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 20_000_000)
    return out.getvalue()
