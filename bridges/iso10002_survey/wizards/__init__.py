from . import complaint_monitor
