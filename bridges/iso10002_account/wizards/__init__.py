from . import complaint_log_wizard
