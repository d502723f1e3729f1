from . import complaint_policy
from . import complaint_remedy
from . import helpdesk_ticket_stage
from . import helpdesk_ticket_team
from . import helpdesk_ticket
from . import res_company
from . import res_config_settings
from . import helpdesk_ticket_principles
