"""What every written corpus's tests share: no case repeats an earlier corpus, and each
oracle-backed verdict is PyTorch's, not the checker's."""

from __future__ import annotations

import tomllib
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np


def _key(c: dict) -> tuple[str, str, str, str]:
    return (c["net"], c["wrt"], c["kind"], c["text"].strip())


def repeats(cases: Iterable[dict], earlier: Iterable[dict]) -> list[str]:
    """The ids of ``cases`` that repeat a case of ``earlier`` word for word."""
    seen = {_key(c) for c in earlier}
    return [c["id"] for c in cases if _key(c) in seen]


def oracle_agrees(case: dict) -> bool:
    """Does the PyTorch oracle give the verdict the corpus states for ``case``?"""
    import check_oracle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return check_oracle.oracle_ok(case["net"], case["wrt"], case["oracle"]) == (
            case["verdict"] == "correct"
        )


def adder(rows: list[dict], round_of: Callable[[], str]) -> Callable[..., None]:
    """The ``C(net, wrt, kind, text, code=None, …)`` of a corpus file: appends one case to
    ``rows``; ``code`` None is a right answer, ``"REFUSE"`` an unreadable one, else the expected
    diagnosis; ``round_of()`` names the round being written (read at each call)."""

    def C(  # noqa: N802
        net, wrt, kind, text, code=None, oracle=None, style="", note="", lang="en", opts=None,
        must=(),
    ) -> None:
        verdict = "correct" if code is None else "unreadable" if code == "REFUSE" else "incorrect"
        rows.append(
            dict(
                net=net,
                wrt=wrt,
                kind=kind,
                text=text,
                verdict=verdict,
                code=None if code == "REFUSE" else code,
                oracle=oracle,
                style=style,
                note=note,
                round=round_of(),
                lang=lang,
                opts=dict(opts or {}),
                must=tuple(must),
            )
        )

    return C


def course_oracle_ok(case: dict) -> bool:
    """Is the NumPy expression ``case["oracle"]`` ∂L/∂wrt on the course network, with the
    spec's own [forward] text run in PyTorch float64 at the example point (tests/spelled_oracle.py)?"""
    import spelled_oracle as so
    import torch

    path = Path(case["net"])
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    s = so.spec_mod.load(str(path))
    point = so.numeric.example_point(so.derive(s).graph)
    ns = so.namespace(s, raw, point)
    for key, text in raw["forward"].items():  # our own spec's text, as spelled_oracle runs it
        ns[key] = eval(compile(text, key, "eval"), ns)  # noqa: S307
    loss = ns[list(raw["forward"])[-1]]
    loss.backward()
    env = {k: v.detach().numpy() for k, v in ns.items() if isinstance(v, torch.Tensor)}
    env.update({k: int(v) for k, v in s.dims.items()})
    env.update({k: float(v) for k, v in (raw.get("constants") or {}).items()})
    want = ns[case["wrt"]].grad.numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = eval(case["oracle"], {"np": np, "sigmoid": lambda z: 1 / (1 + np.exp(-z))}, env)  # noqa: S307
    got = np.asarray(got).reshape(want.shape) if np.size(got) == want.size else np.asarray(got)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=1e-9, atol=1e-12))


# the corpora in the order they were written: a new corpus leaves out the cases of the earlier ones
ORDER = ("corpus2", "corpus3", "corpus4", "corpus5", "corpus6a", "corpus6b", "corpus7", "corpus8",
         "corpus9", "corpus10", "corpus11", "corpus12", "corpus13", "corpus14", "corpus16")


def earlier_keys(name: str, key: Callable[[dict], tuple]) -> set[tuple]:
    """``key`` of every case of the corpora written before ``name`` (a module name of ORDER)."""
    import importlib

    return {key(c) for m in ORDER[: ORDER.index(name)] for c in importlib.import_module(m).load()}
