"""Career data in from files a job seeker already has, without a language model.

A file becomes an ``ImportDraft`` (parsed, reviewable, editable, owner-scoped,
expiring); confirming the draft writes achievements and skills once, merging
duplicates. One reader per format (``pdf``, ``docx``, ``linkedin``,
``json_resume``, ``reactive_resume``); tracker CSV is registered by the job
tracker through ``registry``.
"""
