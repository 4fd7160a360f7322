"""Sign-in state shared by every page: the browser keeps the JWT, the server checks it."""

from __future__ import annotations

import reflex as rx

from queuecraft import routes
from queuecraft.backend.errors import AuthenticationFailed
from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import users
from queuecraft.state.blocking import call


class AuthState(rx.State):
    # The user's own JWT, as the reference dashboard keeps it; verified on every page load.
    jwt: str = rx.LocalStorage("", name="queuecraft_jwt", sync=True)
    username: str = ""
    sign_in_error: str = ""
    _user_id: str = ""

    async def _authenticate(self) -> bool:
        """True when the stored JWT is valid; remembers whose it is."""
        if not self.jwt:
            self._user_id = ""
            return False
        res = get_resources()
        try:
            user = await call(users.user_from_token, store=res.store, settings=res.settings, token=self.jwt)
        except AuthenticationFailed:
            self.jwt = ""
            self._user_id = ""
            return False
        self._user_id, self.username = user.id, user.username
        return True

    @rx.event
    async def sign_in(self, form: dict):
        res = get_resources()
        try:
            user, token = await call(
                users.login,
                store=res.store,
                settings=res.settings,
                login=str(form.get("login", "")).strip(),
                password=str(form.get("password", "")),
            )
        except AuthenticationFailed:
            self.sign_in_error = "Wrong email, username or password."
            return
        self.sign_in_error = ""
        self.jwt, self._user_id, self.username = token, user.id, user.username
        return rx.redirect(routes.DASHBOARD)

    @rx.event
    def sign_out(self):
        self.jwt, self._user_id, self.username = "", "", ""
        return rx.redirect(routes.SIGN_IN)

    @rx.event
    async def open_sign_in(self):
        """Skip the sign-in page when the browser already holds a valid token."""
        if await self._authenticate():
            return rx.redirect(routes.DASHBOARD)
