# syntax=docker/dockerfile:1
# ResuMate images. Stages:
#   build   - a virtualenv with the pinned requirements (compilers stay here)
#   collect - collectstatic into /app/staticfiles (hashed names + .gz)
#   nginx   - nginx with nginx/nginx.conf and the collected static files
#   app     - (default) slim runtime for web, worker, beat and release, non-root
ARG PYTHON_IMAGE=python:3.11-slim-bookworm
ARG NGINX_IMAGE=nginx:1.27-alpine

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/requirements.txt
RUN python -m venv /venv && /venv/bin/pip install -r /tmp/requirements.txt

FROM ${PYTHON_IMAGE} AS collect
ENV PATH="/venv/bin:$PATH" PYTHONDONTWRITEBYTECODE=1
COPY --from=build /venv /venv
WORKDIR /app
COPY . .
# Production settings (DEBUG=0) demand secrets even to collect static files:
# throwaway build-time values that are never part of the app image.
RUN DEBUG=0 SECRET_KEY=build-time-only JWT_SIGNING_KEY=build-time-only STATIC_ROOT=/app/staticfiles \
    python manage.py collectstatic --noinput -v 0

FROM ${NGINX_IMAGE} AS nginx
COPY nginx/nginx.conf /etc/nginx/nginx.conf
COPY --from=collect /app/staticfiles /app/staticfiles
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1/nginx-health || exit 1

FROM ${PYTHON_IMAGE} AS app
ENV PATH="/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=resumate.settings \
    DEBUG=0 \
    STATIC_ROOT=/app/staticfiles \
    GUNICORN_BIND=0.0.0.0:8000 \
    LOG_FORMAT=json
RUN groupadd --system --gid 10001 resumate \
    && useradd --system --uid 10001 --gid resumate --home-dir /app --shell /usr/sbin/nologin resumate
COPY --from=build /venv /venv
WORKDIR /app
COPY . .
COPY --from=collect /app/staticfiles /app/staticfiles
# Code and static files stay root-owned (read-only to the app); only var/ is writable.
RUN mkdir -p /app/var && chown resumate:resumate /app/var
USER resumate
EXPOSE 8000
# Liveness of the web process; worker and beat override it in docker-compose.yml.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/live/', timeout=4).status != 200)"]
CMD ["gunicorn", "resumate.wsgi:application", "--config", "gunicorn.conf.py"]
