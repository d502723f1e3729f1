from . import complaint_monitor
from . import regulatory_return
from . import complaint_monitor_charts
