from . import test_employee_logs_complaint
