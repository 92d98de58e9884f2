"""Why a file cannot be imported: each a 4xx in the shared error shape, raised before anything is written."""

from resumate.exceptions import ApplicationError


class UnreadableFile(ApplicationError):
    status = 400
    code = "unreadable_file"
    detail = "The file could not be read."


class UnsupportedFile(ApplicationError):
    status = 415
    code = "unsupported_file"
    detail = "Not a PDF, DOCX, LinkedIn export (ZIP), JSON or CSV file."


class FileTooLarge(ApplicationError):
    status = 413
    code = "file_too_large"
    detail = "The file is too large."


class NothingToImport(ApplicationError):
    status = 422
    code = "nothing_to_import"
    detail = "Nothing usable was found in the file."
