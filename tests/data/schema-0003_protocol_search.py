"""Makes schema-0003_protocol_search.sqlite3 beside this script: the 0002 fixture (the sample
school, accounts and a chained audit trail) brought to revision 0003 by its own migration, as a
program of revision 0003 left its files (the protocol passages filled, the FTS5 index made).

    .venv/bin/python tests/data/schema-0003_protocol_search.py

Run it only to remake the fixture (or with a folder as argument, to make it there); the tests read the .sqlite3 file.
"""

from __future__ import annotations

from fixture_builder import upgrade_fixture  # beside this script

if __name__ == "__main__":
    upgrade_fixture("schema-0002_accounts_audit.sqlite3", "schema-0003_protocol_search.sqlite3",
                    "0003_protocol_search")
