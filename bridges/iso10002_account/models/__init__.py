from . import helpdesk_ticket
from . import account_move
from . import complaint_remedy
