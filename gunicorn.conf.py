"""gunicorn settings; every value can be overridden by the environment.

Timeouts are layered so the slowest legitimate request (an AI call, whose
provider timeout is ~30 s) finishes: AI timeout < gunicorn ``timeout`` (60 s)
< nginx ``proxy_read_timeout`` (65 s, nginx/nginx.conf).
"""

import os


def _usable_cpus():
    """CPUs this process may run on (honours taskset/cgroup affinity, unlike cpu_count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _default_workers():
    # The classic 2n+1, capped: each worker thread may hold a DB connection.
    return min(2 * _usable_cpus() + 1, int(os.environ.get("GUNICORN_MAX_WORKERS", 12)))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS") or _default_workers())
# Threads: a streamed AI answer keeps its request open for its whole length; with sync workers
# every one would hold a whole process. gthread serves other requests beside it.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
# On SIGTERM (deploy, scale-in) workers finish in-flight requests for this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
# Longer than nginx's upstream keepalive_timeout would be wrong: nginx must close first.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
# No request-line cap of gunicorn's own (its 414 is an HTML page): the app answers an overlong
# query string with the API's JSON 414, and nginx in front bounds the line (large_client_header_buffers).
limit_request_line = 0
max_requests = 2000
max_requests_jitter = 200
# Worker heartbeats on tmpfs: a container's overlay filesystem can stall them.
_SHM = "/dev/shm"  # noqa: S108 - gunicorn's own heartbeat files, private to its workers
worker_tmp_dir = _SHM if os.path.isdir(_SHM) else None

# The app logs one structured line per request itself (resumate.middleware);
# gunicorn's own access log is off unless asked for, and then JSON lines in
# the same format (resumate.gunicorn_logging), e.g. GUNICORN_ACCESS_LOG=-.
logger_class = "resumate.gunicorn_logging.JsonLogger"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Only the proxy in front may set X-Forwarded-* (nginx on loopback or the compose network).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = os.environ.get("GUNICORN_INSTANCE", "resumate")
# gunicorn's control socket has one default path per user: several instances on
# one host would share it, so it is opt-in with a path of its own.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or None
control_socket_disable = control_socket is None


def child_exit(server, worker):
    # With PROMETHEUS_MULTIPROC_DIR each worker writes its metrics to files; drop a dead one's gauges.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
