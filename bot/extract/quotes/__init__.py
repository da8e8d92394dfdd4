"""Direct quotations and who said them.

``marks`` pairs quotation marks into spans; ``names`` reads the article's names (where they
are, whether they are subjects); ``antecedents`` resolves pronouns with ``gender``;
``speakers`` finds the attribution of a span and the speaker it names; ``transcript`` reads
'SMITH: ...' lines; and ``extractor`` groups spans into statements (a quote interrupted by its
attribution is one statement) and reports them with their speakers.
"""

from bot.extract.quotes.extractor import extract_quotes

__all__ = ["extract_quotes"]
