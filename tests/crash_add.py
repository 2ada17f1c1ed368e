"""Runs ``Library.add`` in a subprocess for the crash tests, and kills itself with SIGKILL at a chosen
point: inside the N-th write transaction (before it commits) or right after it commits.

    python tests/crash_add.py DB CACHE {inside|after|never} N PATH...
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

from storyline.library import AddOptions, Library
from storyline.library import store as store_module


def main() -> None:
    db, cache, mode, target, *paths = sys.argv[1:]
    target_number = int(target)
    count = 0
    original = store_module.Store.transaction

    @contextmanager
    def transaction(self):
        nonlocal count
        if self._db.in_transaction:
            with original(self):
                yield
            return
        count += 1
        number = count
        with original(self):
            yield
            if mode == "inside" and number == target_number:
                os.kill(os.getpid(), signal.SIGKILL)
        if mode == "after" and number == target_number:
            os.kill(os.getpid(), signal.SIGKILL)

    store_module.Store.transaction = transaction
    with Library(db, cache=cache) as library:
        library.add([Path(path) for path in paths], AddOptions(batch=2))
    print(count)


if __name__ == "__main__":
    main()
