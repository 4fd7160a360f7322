"""JSON-lines logging with loguru: one event per line, fields named as in the reference system."""

from __future__ import annotations

import json
import sys
from typing import Any

from loguru import logger

CONTEXT_FIELDS = ("event", "jobId", "traceId", "userId")


def _json_default(value: Any) -> str:
    return str(value)


def _sink_for(service: str):
    def sink(message) -> None:
        record = message.record
        extra = dict(record["extra"])
        line = {
            "timestamp": record["time"].isoformat(),
            "level": record["level"].name,
            "service": extra.pop("service", service),
            "message": record["message"],
        }
        for key in CONTEXT_FIELDS:
            if key in extra:
                line[key] = extra.pop(key)
        line.update(extra)
        if record["exception"] is not None:
            exc = record["exception"]
            line["error"] = f"{exc.type.__name__}: {exc.value}" if exc.type else "unknown"
        sys.stderr.write(json.dumps(line, default=_json_default) + "\n")
        sys.stderr.flush()

    return sink


def configure_logging(*, service: str, level: str = "INFO") -> None:
    """Route every loguru call of this process to JSON lines on stderr."""
    logger.remove()
    logger.add(_sink_for(service), level=level.upper(), backtrace=False, diagnose=False)


__all__ = ["configure_logging", "logger"]
