# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One way to add a check of our own to Odoo's ``_check_access``."""


def also_forbidden(records, result, find_forbidden, error):
    """The answer of ``_check_access`` for ``records``: Odoo's ``result``
    (None, or the forbidden records and an error function) completed with
    the records ``find_forbidden`` finds among the others; ``error`` makes
    the exception then."""
    others = records - result[0] if result else records
    if not others:
        return result
    forbidden = find_forbidden(others)
    if not forbidden:
        return result
    if result:
        forbidden += result[0]
    return forbidden, error
