# One image for every QueueCraft process; docker-compose.yml picks the command.
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONUNBUFFERED=1 REFLEX_TELEMETRY_ENABLED=false REFLEX_CHECK_LATEST_VERSION=false
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN REFLEX_BUN_PATH="$(python -c 'from queuecraft.launcher.commands import bun_path; print(bun_path())')" \
    reflex export --frontend-only --no-zip --loglevel warning
