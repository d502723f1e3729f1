# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one rule for a complainant's email address, used by every channel.

Forms, JSON-RPC create/write, the mail alias and the code that sends the
acknowledgement or the decision all ask :func:`normalize_email_address`:
an address is accepted, normalised, or refused in one place.
"""

import re

from odoo.tools.mail import email_normalize, email_split_tuples

# RFC 5321: a forward path of 256 octets, less the angle brackets
EMAIL_MAX_LENGTH = 254
# a plain address, as typed in a form field: no name, no list, a dotted domain
EMAIL_RE = re.compile(
    r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[a-z0-9-]{2,}$", re.I
)


def normalize_email_address(value):
    """The normalised address if ``value`` is exactly one valid address.

    Refused (``False``): anything that is not a string, a list of addresses,
    a name with an address, any whitespace or control character (CR/LF header
    injection), a domain without a dot and anything longer than 254
    characters.
    """
    if not isinstance(value, str) or len(value) > EMAIL_MAX_LENGTH:
        return False
    value = value.strip(" ")
    if not value or not EMAIL_RE.match(value):
        return False
    normalized = email_normalize(value, strict=True)
    if not normalized or len(normalized) > EMAIL_MAX_LENGTH:
        return False
    return normalized


def parse_sender(value):
    """(name, normalised address) of a From header holding one sender.

    ``(False, False)`` when the header holds no valid address or several.
    """
    if not isinstance(value, str) or "\r" in value or "\n" in value:
        return False, False
    pairs = email_split_tuples(value)
    if len(pairs) != 1:
        return False, False
    name, address = pairs[0]
    normalized = normalize_email_address(address)
    if not normalized:
        return False, False
    name = re.sub(r"[\x00-\x1f\x7f]", "", name or "").strip()[:100]
    return name or False, normalized
