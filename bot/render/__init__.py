"""Showing answers: Discord pages (``pages``) and command-line text (``text``)."""

from bot.render.pages import Page, render_pages
from bot.render.text import render_text

__all__ = ["Page", "render_pages", "render_text"]
