# One image for web, worker and beat (docker-compose.yml picks the command).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# The runtime set only: test and development tools stay out of the image.
COPY requirements-bootstrap.lock requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements-bootstrap.lock \
 && pip install --no-cache-dir --require-hashes -r requirements.lock

COPY . .
# collectstatic needs settings but no secrets of the real deployment.
RUN DJANGO_DEBUG=false DJANGO_SECRET_KEY=build-only-not-a-secret-build-only-not-a-secret-build-only \
    DJANGO_ALLOWED_HOSTS=build REGISTRY_PUBLIC_URL=https://build.invalid/ python manage.py collectstatic --no-input \
 && useradd --system --uid 10001 registry
USER registry

EXPOSE 8000
CMD ["gunicorn", "registry.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
