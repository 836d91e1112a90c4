"""The names course code gives a batch normalisation's parts (CS231n's ``xhat``, ``ivar``,
``sqrtvar``, ``xmu``), read as the network's own: where a spec normalises
``X_hat = (X - mu) / sqrt(var + eps)`` and a NumPy answer uses such a name without defining it,
the definition is put before the answer (SymPy-free text rules; the network's names win)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

# X_c / sqrt(var + eps), (Z - M) / np.sqrt(V + eps), (x - mean) / torch.sqrt(var + eps)
_NORMALISED = re.compile(
    r"\s*(?P<centred>\(\s*\w+\s*-\s*\w+\s*\)|\w+)\s*/\s*(?:np\.|torch\.|jnp\.)?sqrt\(\s*"
    r"(?P<var>\w+)\s*\+\s*(?P<eps>\w+)\s*\)\s*"
)
# alias -> which part: the normalised tensor, the centred one, 1/σ, σ
ALIASES: dict[str, str] = {
    "xhat": "hat",
    "x_hat": "hat",
    "xnorm": "hat",
    "x_norm": "hat",
    "x_normalized": "hat",
    "xmu": "centred",
    "x_mu": "centred",
    "xc": "centred",
    "x_centered": "centred",
    "ivar": "inverse",
    "inv_var": "inverse",
    "istd": "inverse",
    "inv_std": "inverse",
    "invstd": "inverse",
    "sqrtvar": "std",
    "std": "std",
}
_ASSIGNED = re.compile(r"^\s*([A-Za-z_]\w*)\s*=(?!=)", re.M)
_WORD = re.compile(r"(?<![\w.])([A-Za-z_]\w*)")


def definitions(forward: Mapping[str, str], known: Callable[[str], bool], code: str) -> str | None:
    """``code`` with a definition in the network's names put before it for each alias of
    :data:`ALIASES` it uses and neither defines nor is a name of the network (``known``), and
    for ``d`` + an alias of a node (``dxhat``: that node's upstream gradient); None where there
    is none to add or the network normalises nothing (or more than one tensor)."""
    parts = _parts(forward)
    if parts is None:
        return None
    defined = set(_ASSIGNED.findall(code))
    lines = []
    for w in dict.fromkeys(_WORD.findall(code)):
        if w in defined or known(w):
            continue
        if w in ALIASES:
            lines.append(f"{w} = {parts[ALIASES[w]]}")
        elif w[:1] == "d" and re.fullmatch(r"\w+", parts.get(ALIASES.get(w[1:], ""), "-")):
            lines.append(f"{w} = d{parts[ALIASES[w[1:]]]}")  # dxhat: the upstream ∂L/∂X_hat
    return "\n".join(lines) + "\n" + code if lines else None


# \hat{x}, \hat x, \widehat{\mathbf{x}}: Ioffe & Szegedy's normalised x in LaTeX
_LATEX_HAT_X = re.compile(r"\\(?:wide)?hat\s*(?:\{\s*(?:\\math(?:bf|rm)\s*\{\s*)?x\s*\}?\s*\}|x\b)")


def latex_definitions(
    forward: Mapping[str, str], known: Callable[[str], bool], tex: str
) -> str | None:
    """LaTeX ``tex`` using ``\\hat{x}`` (the paper's normalised input) on a network that
    normalises another tensor and has no x̂ of its own: ``xhat = <that tensor> \\\\`` put first;
    else None."""
    parts = _parts(forward)
    if parts is None or not _LATEX_HAT_X.search(tex) or known("xhat") or known("x_hat"):
        return None
    return f"xhat = {parts['hat']} \\\\ {tex}"


def _parts(forward: Mapping[str, str]) -> dict[str, str] | None:
    """The normalised node's parts as expressions in the network's names, or None."""
    found = [(name, m) for name, text in forward.items() if (m := _NORMALISED.fullmatch(text))]
    if len(found) != 1:
        return None
    name, m = found[0]
    std = f"np.sqrt({m['var']} + {m['eps']})"
    return {"hat": name, "centred": m["centred"], "inverse": f"1 / {std}", "std": std}
