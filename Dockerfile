FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY factcheck ./factcheck
COPY claims ./claims
RUN pip install --no-cache-dir .
COPY . .
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput
RUN useradd --create-home factcheck
USER factcheck
EXPOSE 8000
CMD ["gunicorn", "factcheck.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
