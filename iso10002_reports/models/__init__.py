# models the analysis view reads from come first: their columns must exist
# when the view is created
from . import frozen_mixin
from . import numbered_mixin
from . import complaint_product
from . import helpdesk_ticket
from . import complaint_policy
from . import complaint_analysis
from . import complaint_kpi
from . import complaint_kpi_backlog
from . import complaint_kpi_adr
from . import complaint_audit
from . import complaint_audit_line
from . import audit_clauses_framework
from . import audit_clauses_operation
from . import audit_clauses_principles
from . import audit_clauses_improvement
from . import management_review_action
from . import management_review
from . import management_review_inputs
from . import management_review_line
from . import mail_activity
from . import complaint_kpi_api
from . import management_review_charts
from . import complaint_kpi_analysis
from . import helpdesk_ticket_redress
from . import complaint_analysis_vulnerability
from . import complaint_analysis_regulated
