"""Entry script of the bundle: the same as the `metodsovet` command."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
