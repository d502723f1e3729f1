from . import complaint_policy
from . import res_config_settings
from . import survey_question
from . import survey_user_input
from . import helpdesk_ticket
from . import complaint_kpi
from . import management_review_line
