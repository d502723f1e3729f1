from . import common
from . import main
from . import portal
from . import confirm
from . import portal_tickets
