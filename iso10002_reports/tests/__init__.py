from . import test_complaint_analysis
from . import test_complaint_audit
from . import test_complaint_monitor
from . import test_complaint_reports
from . import test_kpi_performance
from . import test_management_review
from . import test_i18n_tr
from . import test_ui_fixes
