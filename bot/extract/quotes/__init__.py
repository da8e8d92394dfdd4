"""Direct quotations and who said them.

``marks`` pairs quotation marks into spans, ``speakers`` finds the attribution of a span,
and ``extractor`` groups spans into statements (a quote interrupted by its attribution is
one statement) and reports them with their speakers.
"""

from bot.extract.quotes.extractor import extract_quotes

__all__ = ["extract_quotes"]
