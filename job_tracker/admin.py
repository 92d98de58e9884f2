from .reports import admin as reports_admin  # noqa: F401  (registers WeeklyReport)
