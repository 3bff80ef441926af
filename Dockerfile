# Front-end assets come from npm (package-lock.json); the image never reaches a CDN.
FROM node:20-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY factcheck ./factcheck
COPY claims ./claims
RUN pip install --no-cache-dir .
COPY . .
COPY --from=assets /app/node_modules ./node_modules
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost EMBEDDED=true \
    python manage.py collectstatic --noinput
RUN useradd --create-home factcheck
USER factcheck
EXPOSE 8000
CMD ["gunicorn", "factcheck.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
