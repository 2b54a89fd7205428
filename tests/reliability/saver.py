"""Child process of the kill harness: saves records through the services and confirms each one.

``python saver.py DB teachers START`` saves teachers r-START, r-START+1 ... printing
``saved r-N`` after each save returned; ``python saver.py DB replace DOC_A DOC_B`` imports the
two documents alternately with --replace semantics, printing ``imported X`` after each.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.domain.accounts import COMMAND_LINE
from desktop_app.domain.entities import Teacher
from desktop_app.services import Services


def main() -> None:
    database, mode = sys.argv[1], sys.argv[2]
    services = Services.open(database)
    print("ready", flush=True)
    if mode == "teachers":
        number = int(sys.argv[3])
        while True:
            record = Teacher(id=f"r-{number}", last_name="Сақтаулы", first_name=f"Мұғалім {number}")
            services.teachers.save(COMMAND_LINE, "school-7", record)
            print(f"saved r-{number}", flush=True)
            number += 1
    else:
        documents = [Path(p).read_bytes() for p in sys.argv[3:5]]
        turn = 0
        while True:
            services.exchange.import_document(COMMAND_LINE, documents[turn % 2], replace=True)
            print(f"imported {turn % 2}", flush=True)
            turn += 1


if __name__ == "__main__":
    main()
