# models the analysis view reads from come first: their columns must exist
# when the view is created
from . import complaint_product
from . import helpdesk_ticket
from . import complaint_policy
from . import complaint_analysis
from . import complaint_kpi
from . import complaint_audit
from . import management_review
from . import mail_activity
