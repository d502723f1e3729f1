from . import complaint_monitor
from . import regulatory_return
