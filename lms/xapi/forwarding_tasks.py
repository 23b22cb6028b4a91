"""Background work of statement forwarding (run by ``manage.py db_worker`` in
production, immediately in development and tests)."""

from dataclasses import asdict

from django.tasks import task


@task
def forward_statements(endpoint_name: str) -> dict:
    """Send what is due to one endpoint (``forwarding.send_due``).

    Queued after each committed batch of statements.  Several may run at
    once: the row locks of ``send_due`` give each its own statements.  A
    failure is recorded on the rows, not raised, so a down remote does not
    make failed task results pile up; retries after the backoff come from
    the next queued task or from ``manage.py forward_statements --loop``.
    """
    from .forwarding import send_due

    return asdict(send_due(endpoint_name))
