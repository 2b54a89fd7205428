"""Makes schema-0005_list_indexes.sqlite3 beside this script: the 0004 fixture (the sample
school, accounts, audit trail and protocol passages) brought to revision 0005 by its own migration,
as a program of revision 0005 left its files.

    .venv/bin/python tests/data/schema-0005_list_indexes.py

Run it only to remake the fixture (or with a folder as argument, to make it there); the tests read the .sqlite3 file.
"""

from __future__ import annotations

from fixture_builder import upgrade_fixture  # beside this script

if __name__ == "__main__":
    upgrade_fixture("schema-0004_account_sign_in.sqlite3", "schema-0005_list_indexes.sqlite3",
                    "0005_list_indexes")
