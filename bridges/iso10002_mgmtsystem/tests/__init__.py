from . import test_corrective_action
