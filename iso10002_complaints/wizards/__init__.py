from . import complaint_wizard_access
from . import complaint_anonymise_wizard
from . import complaint_conflict_wizard
from . import complaint_correction_wizard
from . import mail_compose_message
