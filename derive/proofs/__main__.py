"""``python -m derive.proofs``: prove every general proof afresh and write them into
``derive/proofs/proven.pickle`` under the current key (see :mod:`derive.proofs.proven`)."""

from __future__ import annotations

import os

from derive.proofs import proven
from derive.proofs.registry import fresh_proofs


def main() -> None:
    os.environ[proven.ENV] = "off"  # nothing shipped is read while proving
    proven.FILE.write_bytes(proven.dump(fresh_proofs()))
    print(f"wrote {proven.FILE} (key {proven.key()[:12]})")


if __name__ == "__main__":
    main()
