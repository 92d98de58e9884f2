"""Job boards: sources, scraped postings, ingestion, full-text search and matching.

``scraping`` fetches a board, ``services`` stores what it returned (and turns a
posting into an application), ``matching`` scores postings against a resume.
"""
