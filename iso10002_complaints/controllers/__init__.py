from . import common
from . import main
from . import portal
