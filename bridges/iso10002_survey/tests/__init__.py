from . import test_satisfaction_survey
