from . import test_invoice_complaint
from . import test_redress_refund
