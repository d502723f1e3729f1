from . import test_sale_order_complaint
from . import test_sale_order_complaint_http
