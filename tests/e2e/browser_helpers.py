"""What the browser tests share: signing a user in without the login form,
and waiting for the server side to catch up with the page."""

import time

import pytest
from django.test import Client

#: Statements and saved state leave a page within a few seconds.
WAIT_SECONDS = 20


def sign_in(context, live_server, user):
    """Give the browser ``context`` a session of ``user`` (and no other)."""
    client = Client()
    client.force_login(user)
    context.clear_cookies()
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )


def wait_until(page, condition, what, timeout=WAIT_SECONDS):
    """Poll ``condition`` (a database read, say) until it returns something
    truthy; the browser keeps running between polls."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out after {timeout} s waiting for {what}")
        page.wait_for_timeout(100)
