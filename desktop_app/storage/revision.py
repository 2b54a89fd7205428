"""The schema revision this program writes and reads (Alembic's head), in a module that loads nothing.

Database.open compares a file's ``alembic_version`` with it to skip Alembic at the usual start, and
the quick reader (storage/quick.py) to know that a file has exactly the tables it reads.
tests/storage/test_database.py checks that it is Alembic's head.
"""

HEAD_REVISION = "0020_guest_mark_names"
