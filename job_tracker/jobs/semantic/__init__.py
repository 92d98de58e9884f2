"""Matching by meaning: vectors (``vectors``), the stored index (``index``), the blend (``ranking``)."""
