"""Achievements that arrive from other platforms by signed webhooks.

A small module inside the resumes app: its models live in the ``resumes``
app label (``resumes/models.py`` imports them).
"""
