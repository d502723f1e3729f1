# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may write the facts the complaints process records itself.

Dates of acknowledgement and decision, the ISO step, the reference, the
complainant's reaction, anonymisation... are written by the code path that
owns them (an action, the portal, a scheduled job), never by a client
sending values over RPC or through a form. Such a code path wraps its
write in :func:`system_write`; a context key would not do, as any RPC
caller can send one.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

_SYSTEM_WRITE = ContextVar("iso10002_system_write", default=False)


@contextmanager
def system_write():
    """Let the code inside write system-managed complaint fields."""
    token = _SYSTEM_WRITE.set(True)
    try:
        yield
    finally:
        _SYSTEM_WRITE.reset(token)


def in_system_write():
    return _SYSTEM_WRITE.get()


def records_facts(method):
    """Decorate a method of the complaints process that records facts
    (dates, the step, the reference...): it writes them inside
    :func:`system_write`."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with system_write():
            return method(*args, **kwargs)

    return wrapper
