from . import mgmtsystem_nonconformity
from . import mgmtsystem_action
from . import helpdesk_ticket
from . import management_review
from . import complaint_audit
