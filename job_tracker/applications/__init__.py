"""Job applications: the pipeline, its status history, soft delete and public examples.

``services`` writes (and is the only place that records status events),
``selectors`` reads; the API, the pages, the admin and the commands go through them.
"""
