"""Who is who across the base: joining the forms of names articles use into entities.

Each article's entities are stored as it gives them; identity is resolved over the whole
base, as its own step, by ``resolve``: blocking keys find forms that may be one entity,
named rules say whether a pair is the same, different or unknown, and a union-find joins
them strongest first, never putting two forms that a rule calls different into one entity.
The result depends only on the forms and their counts, not on the order articles came in.
"""

from bot.identity.cluster import Cluster, resolve
from bot.identity.profile import ALIAS, DECLARED, FULLEST, FormData

__all__ = ["ALIAS", "DECLARED", "FULLEST", "Cluster", "FormData", "resolve"]
