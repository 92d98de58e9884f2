"""Baseline (a) of the HTTP benchmark: no framework, the endpoint's own SQL, orjson bytes.

A bare WSGI app under the same gunicorn settings as the project. For each path it runs the SQL the
project ran for it (captured by the benchmark, ``BASELINE_QUERIES``) through one psycopg
connection per thread, kept open as a pool would, and returns the last query's rows as JSON.
"""

import json
import os
import threading
from pathlib import Path

import orjson
import psycopg
from psycopg.rows import dict_row

_QUERIES_FILE = os.environ.get("BASELINE_QUERIES")
QUERIES = json.loads(Path(_QUERIES_FILE).read_text()) if _QUERIES_FILE else {}
_local = threading.local()


def _connection():
    if getattr(_local, "connection", None) is None or _local.connection.closed:
        _local.connection = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True, row_factory=dict_row)
    return _local.connection


def application(environ, start_response):
    statements = QUERIES.get(environ.get("PATH_INFO", ""))
    if statements is None:
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "2")])
        return [b"{}"]
    rows = []
    with _connection().cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
            rows = cursor.fetchall() if cursor.description else []
    body = orjson.dumps({"results": rows}, default=str)
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
