from . import test_complaint_product
