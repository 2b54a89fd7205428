"""Makes schema-0004_account_sign_in.sqlite3 beside this script: the 0003 fixture (the sample
school, accounts, audit trail and protocol passages) brought to revision 0004 by its own migration,
as a program of revision 0004 left its files (no sign-in recorded yet).

    .venv/bin/python tests/data/schema-0004_account_sign_in.py

Run it only to remake the fixture (or with a folder as argument, to make it there); the tests read the .sqlite3 file.
"""

from __future__ import annotations

from fixture_builder import upgrade_fixture  # beside this script

if __name__ == "__main__":
    upgrade_fixture("schema-0003_protocol_search.sqlite3", "schema-0004_account_sign_in.sqlite3",
                    "0004_account_sign_in")
