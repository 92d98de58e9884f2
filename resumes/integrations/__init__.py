"""Achievements that arrive from other platforms by signed webhooks.

A small module inside the resumes app: its models live in the ``resumes``
app label (imported at the end of ``resumes/models.py``).
"""
