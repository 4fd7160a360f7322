"""The one way state classes call blocking (Redis, database) code: off the event loop."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


async def call(fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run `fn(*args, **kwargs)` in a worker thread and await its result."""
    return await asyncio.to_thread(functools.partial(fn, *args, **kwargs))
