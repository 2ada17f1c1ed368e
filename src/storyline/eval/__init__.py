"""`storyline eval …`: each engine scored on public benchmark data, with the published numbers to beat.

The scorers and baselines some evals compare against (tilse, textacy, sumy, pyrouge) are the ``eval``
extra, not part of the default install; ``require`` says how to get them instead of a traceback.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from storyline.errors import MissingExtra


def require(module: str, engine: str) -> ModuleType:
    """``module`` imported, or MissingExtra naming the eval that needs it and how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        package = module.split(".")[0]
        raise MissingExtra(
            f"storyline eval {engine} needs {package}, one of the eval extras: run `make eval-deps` "
            f"(or `pip install -e '.[eval]'`)"
        ) from error
