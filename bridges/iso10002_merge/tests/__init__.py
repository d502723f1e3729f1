from . import test_merge_complaints
