"""Makes schema-0017_gaps.sqlite3 beside this script: the 0014 fixture (the sample school,
accounts, audit trail and protocol passages) brought to revision 0017 by the migrations 0015–0017,
as a program of revision 0017 (released on 7 December 2026) left its files.

    .venv/bin/python tests/data/schema-0017_gaps.py

Run it only to remake the fixture (or with a folder as argument, to make it there); the tests read the .sqlite3 file.
"""

from __future__ import annotations

from fixture_builder import upgrade_fixture  # beside this script

if __name__ == "__main__":
    upgrade_fixture("schema-0014_district.sqlite3", "schema-0017_gaps.sqlite3", "0017_gaps")
