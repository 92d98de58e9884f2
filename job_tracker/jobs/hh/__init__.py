"""Applying through hh.ru: the OAuth2 connection (``client``, ``services``), the apply pages (``views``)."""
