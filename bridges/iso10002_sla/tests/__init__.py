from . import test_sla_calendar
