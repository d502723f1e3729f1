from . import helpdesk_ticket
from . import complaint_analysis
