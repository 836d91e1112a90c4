"""derive: verified, step-by-step backpropagation walkthroughs.

``import derive`` needs only sympy, numpy, jinja2 (and click for the CLI); PyTorch is imported
lazily by the numeric comparison.
"""

from __future__ import annotations

from derive import cache as _cache

_cache.compile_into_cache()  # derive's modules compiled once, where Python keeps no bytecode

__version__ = "0.1.0"

__all__ = ["__version__", "check", "load", "derive_network"]


def __getattr__(name: str):
    # ``derive.checker.check(...)`` without importing SymPy at ``import derive``; the module is callable
    if name == "check":
        import derive.checker.check as module

        return module
    raise AttributeError(f"module 'derive' has no attribute {name!r}")


def load(net: str):
    """A built-in network name or a spec path → validated ``NetSpec``."""
    from derive.lang.spec import load as _load

    return _load(net)


def derive_network(net):
    """Derive every gradient of ``net`` (name, path or ``NetSpec``), verifying each step."""
    from derive.engine.backprop import derive as _derive
    from derive.lang.spec import NetSpec

    return _derive(net if isinstance(net, NetSpec) else load(net))
