"""Makes schema-0014_district.sqlite3 beside this script: the 0011 fixture (the sample
school, accounts, audit trail and protocol passages) brought to revision 0014 by the migrations 0012–0014,
as a program of revision 0014 left its files.

    .venv/bin/python tests/data/schema-0014_district.py

Run it only to remake the fixture (or with a folder as argument, to make it there); the tests read the .sqlite3 file.
"""

from __future__ import annotations

from fixture_builder import upgrade_fixture  # beside this script

if __name__ == "__main__":
    upgrade_fixture("schema-0011_server_roles.sqlite3", "schema-0014_district.sqlite3",
                    "0014_district")
