"""gunicorn.conf.py: worker count from usable CPUs, timeouts layered under nginx's."""

import os
import re
import runpy
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]


def load(monkeypatch, **env):
    for key in (
        "GUNICORN_WORKERS", "GUNICORN_MAX_WORKERS", "GUNICORN_ACCESS_LOG", "GUNICORN_CONTROL_SOCKET",
        "GUNICORN_THREADS", "GUNICORN_WORKER_CLASS",
    ):  # fmt: skip
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))


def test_workers_follow_the_cpus_this_process_may_use(monkeypatch):
    conf = load(monkeypatch)
    assert conf["workers"] == min(2 * len(os.sched_getaffinity(0)) + 1, 12)
    assert load(monkeypatch, GUNICORN_MAX_WORKERS="2")["workers"] == 2
    assert load(monkeypatch, GUNICORN_WORKERS="7")["workers"] == 7


def test_threaded_workers_serve_streams_beside_other_requests(monkeypatch):
    from gunicorn.config import Config
    from gunicorn.workers.gthread import ThreadWorker

    conf = load(monkeypatch)
    assert conf["worker_class"] == "gthread" and conf["threads"] >= 2
    # Threads come on top of the process count, never instead of it.
    assert conf["workers"] == min(2 * len(os.sched_getaffinity(0)) + 1, 12)
    cfg = Config()
    cfg.set("worker_class", conf["worker_class"])
    cfg.set("threads", conf["threads"])
    assert cfg.worker_class is ThreadWorker
    assert load(monkeypatch, GUNICORN_THREADS="8")["threads"] == 8
    # A streamed AI answer is cut below the worker timeout, which nginx outwaits.
    assert conf["timeout"] > settings.AI_STREAM_MAX_SECONDS


def test_timeouts_let_an_ai_call_finish_and_nginx_waits_longer_than_gunicorn(monkeypatch):
    conf = load(monkeypatch)
    nginx = (BASE_DIR / "nginx" / "nginx.conf").read_text()
    read_timeout = int(re.search(r"proxy_read_timeout (\d+)s;", nginx).group(1))
    ai_timeout = 30
    assert ai_timeout < conf["timeout"] < read_timeout
    assert 0 < conf["graceful_timeout"] <= conf["timeout"]


def test_access_log_is_json_through_the_apps_formatter_and_off_by_default(monkeypatch):
    conf = load(monkeypatch)
    assert conf["logger_class"] == "resumate.gunicorn_logging.JsonLogger"
    assert conf["accesslog"] is None
    assert load(monkeypatch, GUNICORN_ACCESS_LOG="-")["accesslog"] == "-"
    # One host may run several instances: no shared control socket unless asked for.
    assert conf["control_socket_disable"] is True


def test_access_line_is_one_json_object_in_the_apps_shape(tmp_path, monkeypatch):
    import json
    from datetime import timedelta
    from types import SimpleNamespace

    from gunicorn.config import Config

    from resumate.gunicorn_logging import JsonLogger

    monkeypatch.setenv("GUNICORN_INSTANCE", "web-a")
    cfg = Config()
    cfg.set("accesslog", str(tmp_path / "access.log"))
    logger = JsonLogger(cfg)
    response = SimpleNamespace(status="201 Created", headers=[("X-Request-ID", "abc-1")], sent=42)
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/v1/auth/register/", "REMOTE_ADDR": "127.0.0.1"}
    logger.access(response, None, environ, timedelta(milliseconds=12.5))
    for handler in list(logger.access_log.handlers):
        handler.close()
        logger.access_log.removeHandler(handler)

    entry = json.loads((tmp_path / "access.log").read_text().strip())
    assert entry["logger"] == "gunicorn.access"
    assert entry["message"] == "POST /api/v1/auth/register/ 201"
    assert entry["request_id"] == "abc-1"
    assert entry["status"] == 201
    assert entry["duration_ms"] == 12.5
    assert entry["instance"] == "web-a"
    assert entry["bytes"] == 42
