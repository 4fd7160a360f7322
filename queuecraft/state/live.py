"""Live updates: one Redis subscription per web process, fanned out to every open page."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import reflex as rx
from reflex_base.registry import RegistrationContext

from queuecraft.backend.events import listen
from queuecraft.backend.logs import logger
from queuecraft import routes
from queuecraft.backend.resources import get_resources
from queuecraft.state.blocking import call

RECONNECT_DELAY_SECONDS = 1.0
CONNECTED_CHECK_SECONDS = 5.0
COALESCE_SECONDS = 0.15
SUBSCRIBER_QUEUE_SIZE = 256


class EventHub:
    """Holds the process's single subscription and hands each event to every subscriber."""

    def __init__(self) -> None:
        self._subscribers: set[asyncio.Queue] = set()
        self._task: asyncio.Task | None = None

    async def _pump(self) -> None:
        settings = get_resources().settings
        while self._subscribers:
            try:
                async for event in listen(settings.required_redis_url(), settings.event_channel):
                    for queue in list(self._subscribers):
                        with contextlib.suppress(asyncio.QueueFull):
                            queue.put_nowait(event)
                    if not self._subscribers:
                        break
            except Exception as exc:  # Redis went away: keep the pages alive and retry
                logger.bind(event="live_updates_down").warning(f"event subscription lost: {exc}")
                await asyncio.sleep(RECONNECT_DELAY_SECONDS)

    @contextlib.asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue]:
        queue: asyncio.Queue = asyncio.Queue(maxsize=SUBSCRIBER_QUEUE_SIZE)
        self._subscribers.add(queue)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._pump())
        try:
            yield queue
        finally:
            self._subscribers.discard(queue)


hub = EventHub()


async def is_connected(token: str) -> bool:
    """Whether the browser tab with this client token still has its websocket open."""
    namespace = RegistrationContext.get().app.event_namespace
    if namespace is None:
        return False
    # Reflex 0.10 keeps this on a private attribute; this helper is the only place that knows.
    return await namespace._token_manager.is_token_connected(token)


async def next_relevant(queue: asyncio.Queue, owner_id: str) -> bool:
    """Wait up to CONNECTED_CHECK_SECONDS for an event about `owner_id`'s jobs; drain a burst."""
    try:
        event: dict[str, Any] = await asyncio.wait_for(queue.get(), timeout=CONNECTED_CHECK_SECONDS)
    except TimeoutError:
        return False
    relevant = event.get("ownerId") == owner_id
    await asyncio.sleep(COALESCE_SECONDS)
    while not queue.empty():
        relevant = queue.get_nowait().get("ownerId") == owner_id or relevant
    return relevant


class LiveMixin(rx.State, mixin=True):
    """A signed-in page whose data reloads whenever one of the user's jobs changes.

    A page's state supplies `_query_args` (read under the state lock) and `_fetch` (blocking,
    returns the new field values); the mixin runs them on load and after each relevant event.
    """

    _watching: bool = False

    def _query_args(self) -> tuple:
        raise NotImplementedError

    @staticmethod
    def _fetch(*args: Any) -> dict[str, Any]:
        raise NotImplementedError

    def _apply(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            setattr(self, name, value)

    async def _refresh_locked(self) -> None:
        """Reload while holding the state (normal event handlers)."""
        self._apply(await call(self._fetch, *self._query_args()))

    @rx.event
    async def open(self):
        if not await self._authenticate():
            return rx.redirect(routes.SIGN_IN)
        await self._refresh_locked()
        return type(self).watch

    @rx.event(background=True)
    async def watch(self):
        async with self:
            if self._watching:  # a reload of the tab keeps its first watcher
                return
            self._watching = True
            token = self.router.session.client_token
        try:
            async with hub.subscribe() as queue:
                while await is_connected(token):
                    async with self:
                        owner_id = self._user_id
                        args = self._query_args()
                    if not owner_id:  # signed out: the next page load starts a new watcher
                        break
                    if await next_relevant(queue, owner_id):
                        values = await call(self._fetch, *args)
                        async with self:
                            self._apply(values)
        finally:
            async with self:
                self._watching = False
