"""A local fake Discord that the real discord.py client logs in to, for end-to-end tests."""

from .server import WAIT, FakeDiscord, FakeInteraction, FakeUser

__all__ = ["WAIT", "FakeDiscord", "FakeInteraction", "FakeUser"]
