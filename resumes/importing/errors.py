"""Why a file cannot be imported: each a 4xx in the shared error shape, raised before anything is written."""

from django.utils.translation import gettext_lazy

from resumate.exceptions import ApplicationError


class UnreadableFile(ApplicationError):
    status = 400
    code = "unreadable_file"
    detail = gettext_lazy("The file could not be read.")


class UnsupportedFile(ApplicationError):
    status = 415
    code = "unsupported_file"
    detail = gettext_lazy("Not a PDF, DOCX, LinkedIn export (ZIP), JSON or CSV file.")


class FileTooLarge(ApplicationError):
    status = 413
    code = "file_too_large"
    detail = gettext_lazy("The file is too large.")


class NothingToImport(ApplicationError):
    status = 422
    code = "nothing_to_import"
    detail = gettext_lazy("Nothing usable was found in the file.")
