"""The verification code printed on every page, and the QR payload on the last page.

Canonical form (what the hash covers), so that anyone can recompute it from an exchange export:

    json.dumps({"kind": KIND, "id": RECORD_ID, "version": VERSION, "record": RECORD},
               sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

- KIND: the document kind (``protocol``, ``extract``, ``ktp``, ``workplan``, ``mentorship``,
  ``observation``, ``register``);
- RECORD_ID: the exchange id of the record (an extract adds ``#ITEM``; a register is the body's id);
- VERSION: the record's version (protocols and plans; 1 for the others);
- RECORD: the record exactly as the exchange format writes it (``dump_meeting``, ``dump_plan``, …;
  an extract ``{"meeting": …, "item": N}``, a register ``{"body": …, "meetings": [...]}``).

The digest is the SHA-256 of those bytes; the footer shows its first 12 hex characters (the
code), the QR code ``metodsovet;KIND;RECORD_ID;vVERSION;sha256:DIGEST;chain:HEAD``. The language of
the printout is not part of it: the Kazakh and the Russian print of one record carry the same code.

HEAD is the head of the audit chain when the document was printed: the SHA-256 ``hash`` of the
newest row of the audit log (services/base.py ``chain_hash``; ``metodsovet check`` verifies the
chain). It is written into the PDF's keywords
(``audit-chain:HEAD``). It is not part of the digest or the code, which depend on the record only;
it proves which state of the whole log the printout was made from: an audit row with this hash
must still be in the log, and every row before it unchanged, else ``check`` reports the break.
An empty log gives no ``;chain:`` part. Neither the full digest nor HEAD is printed as text
(issue 16): the page shows the short code and the QR code carries the rest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

from desktop_app.i18n import N_

CODE_LENGTH = 12
KINDS = ("protocol", "extract", "ktp", "workplan", "mentorship", "observation", "register", "schedule",
         "material", "materials", "event_register", "certificate", "olympiads", "attestations",
         "attestation_schedule", "analysis")
#: What the verification block and ``verify`` call each kind of document (the QR payload keeps the code).
DOCUMENT_KINDS = {
    "protocol": N_("meeting protocol"),
    "extract": N_("extract from the protocol"),
    "ktp": N_("calendar-thematic plan"),
    "workplan": N_("annual work plan of the association"),
    "register": N_("register of protocols"),
    "mentorship": N_("mentorship plan and log"),
    "observation": N_("lesson observation sheet"),
    "schedule": N_("schedule of open lessons"),
    "material": N_("methodical material"),
    "materials": N_("register of methodical materials"),
    "event_register": N_("register of events of methodical work"),
    "certificate": N_("certificate of participation"),
    "olympiads": N_("register of pupils' olympiads and contests"),
    "attestations": N_("list of teachers being attested"),
    "attestation_schedule": N_("schedule of attestation hearings"),
    "analysis": N_("annual analysis of methodical work"),
}


@dataclass(frozen=True)
class Verification:
    kind: str
    record: str
    version: int
    digest: str
    #: The audit chain's head at printing (module docstring); not part of the code.
    chain: str = field(default="", compare=False)

    @property
    def code(self) -> str:
        return self.digest[:CODE_LENGTH]

    @property
    def qr_payload(self) -> str:
        payload = f"metodsovet;{self.kind};{self.record};v{self.version};sha256:{self.digest}"
        return f"{payload};chain:{self.chain}" if self.chain else payload

    def with_chain(self, chain: str) -> Verification:
        return replace(self, chain=chain)


def canonical_bytes(kind: str, record: str, version: int, payload: Any) -> bytes:
    text = json.dumps({"kind": kind, "id": record, "version": version, "record": payload},
                      sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def verification(kind: str, record: str, version: int, payload: Any) -> Verification:
    digest = hashlib.sha256(canonical_bytes(kind, record, version, payload)).hexdigest()
    return Verification(kind, record, version, digest)


def normalize_code(code: str) -> str:
    """What a person types from a printout: any case, spaces or dashes between groups."""
    return "".join(ch for ch in code.lower() if ch in "0123456789abcdef")
