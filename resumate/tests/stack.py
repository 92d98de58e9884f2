"""A real deployment on loopback: collectstatic, gunicorn instances, nginx.

Used by test_deployment.py. Everything runs as production does (DEBUG=0,
gunicorn.conf.py, nginx/nginx.conf); nginx's config is templated only for
the listen port, the upstream servers, the static root and the pid and log
paths, and each replacement must match exactly once so a drifting config
fails loudly instead of being tested half-way.
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

BASE_DIR = Path(__file__).resolve().parents[2]
NGINX_CONF = BASE_DIR / "nginx" / "nginx.conf"
START_TIMEOUT = 60  # a ceiling for slow, shared machines, not a timing assertion


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def find_nginx():
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(path)), None
    )


def ensure_nginx():
    """nginx's path, installed from Debian's packages when missing; None with a reason if impossible."""
    nginx = find_nginx()
    if nginx:
        return nginx, ""
    apt = shutil.which("apt-get")
    if apt is None:
        return None, "nginx is not installed and apt-get is not available to install it"
    if os.geteuid() != 0:
        return None, "nginx is not installed and installing it with apt-get needs root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [apt, "install", "-y", "-q", "nginx"]
    if subprocess.run(install, env=env, capture_output=True, timeout=300).returncode != 0:
        subprocess.run([apt, "update", "-q"], env=env, capture_output=True, timeout=300)
        result = subprocess.run(install, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"apt-get install nginx failed:\n{result.stdout}\n{result.stderr}")
    return find_nginx(), ""


def render_nginx_conf(*, port, upstream_ports, static_root, run_dir):
    text = NGINX_CONF.read_text()
    server_line = "        server web:8000 max_fails=1 fail_timeout=10s;\n"
    replacements = [
        ("listen 80 default_server;", f"listen 127.0.0.1:{port} default_server;"),
        (
            server_line,
            "".join(server_line.replace("web:8000", f"127.0.0.1:{p}") for p in upstream_ports),
        ),
        ("alias /app/staticfiles/;", f"alias {static_root}/;"),
        ("pid /var/run/nginx.pid;", f"pid {run_dir}/nginx.pid;"),
        ("access_log /dev/stdout json;", f"access_log {run_dir}/nginx-access.log json;"),
        ("error_log /dev/stderr warn;", f"error_log {run_dir}/nginx-error.log warn;"),
    ]
    for old, new in replacements:
        if text.count(old) != 1:
            raise AssertionError(f"nginx/nginx.conf no longer contains exactly one {old.strip()!r}")
        text = text.replace(old, new)
    return text


@dataclass
class Instance:
    name: str
    port: int
    process: subprocess.Popen
    access_log: Path
    output: Path

    def stop(self, timeout=15):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful: finish in-flight requests
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


@dataclass
class Stack:
    url: str
    instances: list
    nginx: subprocess.Popen
    run_dir: Path
    redis_shared: bool
    throttle_auth: int
    extra: dict = field(default_factory=dict)

    def client(self, **kwargs):
        # trust_env=False: loopback traffic never goes through a configured HTTP proxy.
        return httpx.Client(base_url=self.url, timeout=30, trust_env=False, **kwargs)

    def served_by(self, expect=()):
        """request id -> instance name, from every instance's JSON access log.

        gunicorn writes the line after the response has gone out, so wait (up
        to 5 s) until every id in ``expect`` is there.
        """
        deadline = time.monotonic() + 5
        while True:
            seen = {}
            for instance in self.instances:
                if not instance.access_log.exists():
                    continue
                for line in instance.access_log.read_text().splitlines():
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue  # the line being written right now
                    seen[entry["request_id"]] = entry["instance"]
            if set(expect) <= set(seen) or time.monotonic() > deadline:
                return seen
            time.sleep(0.05)

    def access_lines(self, instance):
        text = instance.access_log.read_text() if instance.access_log.exists() else ""
        return [json.loads(line) for line in text.splitlines()]

    def stop(self):
        if self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.nginx.pid, signal.SIGKILL)
                self.nginx.wait(5)
        for instance in self.instances:
            instance.stop()
        shutil.rmtree(self.run_dir, ignore_errors=True)


def _wait_until_up(url, process, output, what):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"{what} exited with {process.returncode}:\n{Path(output).read_text()[-3000:]}"
            )
        try:
            if httpx.get(url, timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(
        f"{what} did not answer {url} within {START_TIMEOUT}s:\n{Path(output).read_text()[-3000:]}"
    )


@contextlib.contextmanager
def gunicorn_running(env, run_dir, name, *, app="resumate.wsgi:application", workers=2):
    """One gunicorn (gunicorn.conf.py) on a free loopback port, answering; yields its base URL."""
    port = free_port()
    output = Path(run_dir) / f"gunicorn-{name}.out"  # one log each: a failure's traceback stays readable
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", app, "--config", "gunicorn.conf.py"],
        cwd=BASE_DIR,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)},
        stdout=output.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/health/live/", process, output, name)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(30)


def production_env(*, database_url, redis_url, static_root, throttle_auth):
    """The environment of a production web process (DEBUG=0, its own secrets)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "GUNICORN"))}
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "JWT_SIGNING_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",  # plain http on loopback; TLS is nginx's or a balancer's
            "PROXY_COUNT": "1",
            "DATABASE_URL": database_url,
            "DATABASE_REPLICA_URL": "",  # one database here: the test's
            "REDIS_URL": redis_url,
            "STATIC_ROOT": str(static_root),
            "THROTTLE_AUTH": f"{throttle_auth}/minute",
            "LOG_FORMAT": "json",
            # No Celery worker runs in this test: tasks run in the web process.
            "CELERY_TASK_ALWAYS_EAGER": "1",
            "DJANGO_SETTINGS_MODULE": "resumate.settings",
        }
    )
    return env


def start_stack(*, database_url, redis_url, throttle_auth, instances=2):
    nginx_bin, reason = ensure_nginx()
    if nginx_bin is None:
        return None, reason
    # nginx's workers run as an unprivileged user: everything they read must be world-readable.
    run_dir = Path(tempfile.mkdtemp(prefix="resumate-deploy-"))
    run_dir.chmod(0o755)
    static_root = run_dir / "static"
    env = production_env(
        database_url=database_url, redis_url=redis_url, static_root=static_root, throttle_auth=throttle_auth
    )
    # Before the instances start, as in the image: they read the manifest of hashed names.
    collect = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if collect.returncode != 0:
        raise RuntimeError(f"collectstatic failed:\n{collect.stderr}")

    started = []
    for index in range(instances):
        name = f"web-{chr(ord('a') + index)}"
        port = free_port()
        output = run_dir / f"{name}.out"
        instance_env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_INSTANCE": name,
            "GUNICORN_ACCESS_LOG": str(run_dir / f"{name}-access.log"),
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "4",
            "GUNICORN_GRACEFUL_TIMEOUT": "5",
        }
        with open(output, "w") as out:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "resumate.wsgi:application",
                    "--config",
                    "gunicorn.conf.py",
                ],
                cwd=BASE_DIR,
                env=instance_env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        started.append(Instance(name, port, process, run_dir / f"{name}-access.log", output))

    port = free_port()
    conf = run_dir / "nginx.conf"
    conf.write_text(
        render_nginx_conf(
            port=port,
            upstream_ports=[i.port for i in started],
            static_root=static_root,
            run_dir=run_dir,
        )
    )
    nginx_output = run_dir / "nginx.out"
    stack = None
    try:
        for instance in started:
            _wait_until_up(
                f"http://127.0.0.1:{instance.port}/health/live/",
                instance.process,
                instance.output,
                instance.name,
            )
        with open(nginx_output, "w") as out:
            nginx = subprocess.Popen(
                [nginx_bin, "-c", str(conf), "-e", str(run_dir / "nginx-error.log"), "-g", "daemon off;"],
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        stack = Stack(
            url=f"http://127.0.0.1:{port}",
            instances=started,
            nginx=nginx,
            run_dir=run_dir,
            redis_shared=bool(redis_url),
            throttle_auth=throttle_auth,
        )
        _wait_until_up(f"{stack.url}/nginx-health", nginx, nginx_output, "nginx")
    except BaseException:
        if stack is not None:
            stack.stop()
        else:
            for instance in started:
                instance.stop()
            shutil.rmtree(run_dir, ignore_errors=True)
        raise
    return stack, ""
