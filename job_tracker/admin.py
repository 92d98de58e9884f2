"""Django's admin autodiscovery imports ``job_tracker.admin``: each room registers its models."""

from .applications import admin as applications_admin
from .contacts import admin as contacts_admin
from .interviews import admin as interviews_admin
from .jobs import admin as jobs_admin
from .reports import admin as reports_admin

__all__ = ["applications_admin", "contacts_admin", "interviews_admin", "jobs_admin", "reports_admin"]
