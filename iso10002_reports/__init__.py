from . import models
from . import wizards
from . import report


def uninstall_hook(env):
    from .models.complaint_kpi_day import drop_triggers

    drop_triggers(env.cr)
