"""Makes schema-0011_server_roles.sqlite3 beside this script: the 0005 fixture (the sample
school, accounts, audit trail and protocol passages) brought to revision 0011 by the migrations 0006–0011,
as a program of revision 0011 left its files.

    .venv/bin/python tests/data/schema-0011_server_roles.py

Run it only to remake the fixture (or with a folder as argument, to make it there); the tests read the .sqlite3 file.
"""

from __future__ import annotations

from fixture_builder import upgrade_fixture  # beside this script

if __name__ == "__main__":
    upgrade_fixture("schema-0005_list_indexes.sqlite3", "schema-0011_server_roles.sqlite3",
                    "0011_server_roles")
