"""Saved searches and their e-mail alerts: collect new matching postings after scrapes, send them once."""
