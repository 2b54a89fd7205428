"""The `metodsovet` command (../shared/spec/cli.md): one module per group of commands.

- ``program``: the entry point: parse, pick the language, run a command or open the window, and turn
  a refusal into one line on standard error with exit status 1;
- ``arguments``: the parser, the exit statuses, and ``COMMAND_GROUPS``, the registration point: a
  group module listed there adds its commands in ``add_commands`` and gives each a handler;
- ``common``: what several groups share (opening the services, picking the school, writing a file);
- the groups: ``exchange``, ``plans``, ``documents``, ``maintenance``, ``accounts``; ``selftest``.

A command imports what it needs when it runs, so that ``--help`` and the window's start load no
database or PDF code, and no command but ``--self-test`` loads Qt.
"""

from desktop_app.cli.program import main

__all__ = ["main"]
