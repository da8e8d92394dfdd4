"""The ``factbot`` command's entry point, kept free of heavy imports.

Signals are handled from the first instant: importing the command line (the extractors'
word lists, the store) takes most of a second, and Ctrl-C or SIGTERM in that second would
otherwise print a traceback or kill the process without a word.
"""

from __future__ import annotations

import signal
import sys
from typing import NoReturn

STOPPED = 130  # the README's status for a command stopped by Ctrl-C or SIGTERM


def interrupt(signum: int, frame: object) -> None:
    """SIGTERM (or SIGHUP) ends a command as Ctrl-C does: the open transaction undone,
    workers ended."""
    raise KeyboardInterrupt


def main() -> NoReturn:
    signal.signal(signal.SIGTERM, interrupt)
    try:
        from bot.cli import main as command_line
    except KeyboardInterrupt:
        print("factbot: stopped before it began; nothing was changed", file=sys.stderr)
        sys.exit(STOPPED)
    status = command_line()
    if status == STOPPED:
        # Stopped, and ending: a further signal would only meet the default handlers the
        # interpreter restores as it exits, and kill the process unreported.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
    sys.exit(status)
