# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A record that becomes a record: once confirmed (a management review) or
done (an audit), its figures and findings are frozen, as ISO 10002 8.5 and
8.6 ask to keep them. The documents inherit the rules below and state them
as data, as OCA ``base_tier_validation`` does for validation:

- ``_frozen_states``: the states in which the record is frozen;
- ``_frozen_editable_fields``: what stays editable once frozen (the state,
  the outputs); the chatter and activities always do;
- ``_frozen_parent_field`` (on lines): the document whose state freezes them.
"""

from odoo import api, models
from odoo.exceptions import UserError

ALWAYS_EDITABLE_PREFIXES = ("message_", "activity_")


class FrozenRecordMixin(models.AbstractModel):
    _name = "iso10002.frozen.mixin"
    _description = "Record frozen once confirmed"

    _frozen_states = ("confirmed",)
    _frozen_editable_fields = frozenset({"state"})

    def _is_frozen(self):
        return any(record.state in self._frozen_states for record in self)

    def _frozen_message(self):
        return self.env._("This record is frozen: it can no longer be changed.")

    def _frozen_delete_message(self):
        return self._frozen_message()

    def _frozen_line_message(self):
        return self._frozen_message()

    def write(self, vals):
        frozen = {
            name
            for name in set(vals) - set(self._frozen_editable_fields)
            if not name.startswith(ALWAYS_EDITABLE_PREFIXES)
        }
        if frozen and self._is_frozen():
            raise UserError(self._frozen_message())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        if self._is_frozen():
            raise UserError(self._frozen_delete_message())


class FrozenLineMixin(models.AbstractModel):
    """Lines of a frozen record: frozen with it."""

    _name = "iso10002.frozen.line.mixin"
    _description = "Line of a record frozen once confirmed"

    _frozen_parent_field = None

    def write(self, vals):
        parents = self.mapped(self._frozen_parent_field)
        if parents._is_frozen():
            raise UserError(parents[:1]._frozen_line_message())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        parents = self.mapped(self._frozen_parent_field)
        if parents._is_frozen():
            raise UserError(parents[:1]._frozen_line_message())
