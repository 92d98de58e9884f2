"""Private services for fault runs, so stopping one touches nothing else on the machine.

A Redis and a PostgreSQL of our own on free ports, a fake Gemini that fails on demand, and a
Greenhouse board that is slow on its first answer (to kill a worker mid-scrape).
"""

import contextlib
import glob
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from abc import ABC, abstractmethod
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg

from resumate.tests.stack import free_port


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="resumate-redis-")
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self.dir,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        for _ in range(50):
            ping = subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True)
            if ping.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("the private Redis did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


class PrivatePostgres:
    """A throwaway cluster (initdb) that can be stopped and started like a real restart."""

    def __init__(self):
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="resumate-pg-"))
        self.bin = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/resumate"

    def _run(self, *args):
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run("initdb", "-D", str(self.dir / "data"), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        with psycopg.connect(f"postgres://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE resumate")

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.dir / "data"), "-o", options, "-l", str(self.dir / "log"), "-w", "start"
        )

    def stop(self):
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class FakeServer(ABC):
    """A threaded HTTP server on a free port; ``handle(handler)`` answers each request."""

    def __init__(self):
        self.calls = 0
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer._dispatch(self)

            def do_POST(self):
                outer._dispatch(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _dispatch(self, request):
        with self.lock:
            self.calls += 1
            call = self.calls
        try:
            status, body = self.handle(request, call)
            payload = json.dumps(body).encode()
            request.send_response(status)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(payload)))
            request.end_headers()
            request.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout): what a hanging provider causes

    @abstractmethod
    def handle(self, request, call) -> tuple[int, dict]:
        """The status and JSON body to answer the ``call``-th request with."""

    def start(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.server.shutdown()


class FailingGemini(FakeServer):
    """generateContent that answers 500 (``mode="error"``), hangs (``"hang"``) or works (``"ok"``)."""

    HANG_SECONDS = 30

    def __init__(self, mode):
        super().__init__()
        self.mode = mode

    def handle(self, request, call):
        request.rfile.read(int(request.headers.get("Content-Length") or 0))
        if self.mode == "hang":
            time.sleep(self.HANG_SECONDS)
        if self.mode in ("hang", "error"):
            return 500, {"error": {"code": 500, "message": "Internal error", "status": "INTERNAL"}}
        text = (
            "Dear hiring team,\n\nFor six years I have built and run Python services that people rely on: "
            "Django APIs serving millions of requests a day, PostgreSQL schemas that stayed fast as data "
            "grew tenfold, and deployment pipelines that turned weekly releases into daily ones. At Acme I "
            "cut the p95 latency of our pricing API from 1.8 s to 240 ms and led the move of forty services "
            "to Kubernetes without an outage. I would like to bring the same care to your platform team, "
            "where reliability and clear code matter as much as new features.\n\nKind regards,\nAda"
        )
        return 200, {
            "candidates": [{"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": "STOP"}],
            "usageMetadata": {"promptTokenCount": 100, "candidatesTokenCount": 20, "totalTokenCount": 120},
            "modelVersion": "gemini-2.5-flash",
        }


class SlowGreenhouse(FakeServer):
    """A Greenhouse board whose first answer takes ``first_delay`` seconds; later ones are at once."""

    def __init__(self, jobs: int, first_delay: float):
        super().__init__()
        self.jobs, self.first_delay = jobs, first_delay

    def handle(self, request, call):
        if call == 1:
            time.sleep(self.first_delay)
        return 200, {
            "jobs": [
                {
                    "id": 9000 + n,
                    "title": f"Python engineer {n}",
                    "absolute_url": f"https://example.com/{n}",
                    "location": {"name": "Remote"},
                    "content": "&lt;p&gt;Python, Django, PostgreSQL&lt;/p&gt;",
                    "updated_at": "2026-12-01T10:00:00Z",
                }
                for n in range(self.jobs)
            ],
            "meta": {"total": self.jobs},
        }
