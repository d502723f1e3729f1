from . import models
from . import wizards
from . import report


def uninstall_hook(env):
    from .models.kpi_day_sql import drop_triggers

    drop_triggers(env.cr)
