from . import regulatory_return_xlsx
