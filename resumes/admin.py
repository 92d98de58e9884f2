from resumes.integrations import admin as integrations_admin  # noqa: F401  (issue 10)
