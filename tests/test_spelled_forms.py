"""Spellings NumPy/PyTorch compute that derive refused before branch ops10 (issue 9's held-out
passes): each form's ORIGINAL text run in PyTorch float64 by the spelled-code oracle
(tests/spelled_oracle.py), loss and every gradient compared with derive's; and the forms still
refused, each naming what is read."""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text

from derive.lang import spec

PROBE = """
[dims]
m = 3
k = 2
D = 4
[inputs]
X = ["m", "k"]
w = ["m"]
u = ["k"]
[params]
W = ["k", "k"]
A = ["m", "k"]
[forward]
Z = "X @ W"
{lines}
L = "(r * r).sum() + 0.01 * (Z ** 2).sum() + 0.01 * (A ** 2).sum()"
[values]
X = [[0.5, -1.2], [0.3, 0.8], [-0.7, 0.4]]
w = [0.5, 2.0, -1.0]
u = [0.3, -0.4]
W = [[0.3, -0.6], [0.9, 0.2]]
A = [[0.1, 0.2], [0.3, -0.5], [0.6, 0.7]]
"""

FORMS = {
    # a positional dim with keepdim=False: PyTorch's 1-D result (a row here)
    "sum_dim_keepdim_false": 'r = "torch.sum(Z, 1, keepdim=False) * w"',
    "sum_method_keepdims_false": 'r = "Z.sum(1, keepdims=False) * w + np.sum(Z, axis=1, '
    'keepdims=False)"',
    # reshapes of a 1-D expression inside a line
    "reshape_column_of_row_sum": 'r = "Z - Z.sum(1).reshape(-1, 1)"',
    "reshape_row_of_column_sum": 'r = "Z.sum(0).reshape(1, -1) * A '
    '+ (Z.mean(1).view(-1) * w).sum()"',
    "expand_dims": 'r = "np.expand_dims(Z.sum(1), 1) * A + np.expand_dims(Z.sum(0), axis=0)"',
    "unsqueeze_of_expression": 'r = "Z.sum(1).unsqueeze(1) * A + Z.sum(0).unsqueeze(0)"',
    "outer_of_row_sum": 'r = "np.outer(Z.sum(1), u)"',
    # matrix-vector products and diagonal matrices of 1-D vectors
    "torch_mv": 'r = "torch.mv(A, u) * w + torch.mv(Z, W @ u)"',
    "diag_right": 'r = "A @ np.diag(u) + np.dot(Z, torch.diag(u))"',
    "diag_left": 'r = "np.diag(w) @ A + (np.diag(w) @ w).reshape(-1, 1)"',
    "diag_of_product": 'r = "np.diag(W @ u) @ Z.T"',
    # einsum strings courses use
    "einsum_rowwise_dot": "r = \"np.einsum('ij,ij->i', Z, A) * w + np.einsum('ij,ji->i', Z, A.T)\"",
    "einsum_matmul": "r = \"np.einsum('ij,jk->ik', A, W)\"",
    "einsum_column_sums": "r = \"np.einsum('ij->j', Z * A) * u + np.einsum('ij->i', A) @ A\"",
    "einsum_everything": "r = \"np.einsum('ij,ij->', Z, A) * A\"",
    "einsum_inner": "r = \"np.einsum('i,i->', w, A.sum(1)) * A\"",
    # ((w @ A) @ u, a [1, 1] held as one number, was an internal ValueError in the evaluator)
    "einsum_matvec": "r = \"np.einsum('ij,j->i', A, u) * w + np.einsum('i,ij->j', w, A) @ u\"",
    "einsum_outer": "r = \"torch.einsum('i,j->ij', w, u) * A\"",
    "einsum_list_operands": "r = \"(A.T @ torch.einsum('ij,ij->i', [Z, A])) * u\"",
    # integer division of sizes; a number to a tensor's power
    "floor_div_slices": 'r = "A[:, : k // 2] * Z[:, k // 2 :] / (X.shape[0] // 2)"',
    "floor_div_len": 'r = "Z / (len(X) // 2) + A[:, : D // 3]"',
    "number_to_tensor_power": 'r = "Z * 2 ** -Z + np.e ** (A / 3) + 0.5 ** A"',
    "negative_powers": 'r = "(Z * Z + 1) ** -0.5 + Z * D ** -0.5 + Z * 2 ** -k"',
}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_the_form_run_in_pytorch_agrees_with_derive(name: str) -> None:
    out = oracle_text(PROBE.format(lines=FORMS[name]), name.replace("_", "-"))
    assert out.status == "agree", (out.status, out.reason)


CAUSAL = """
[dims]
T = 3
C = 4
[inputs]
x = ["T", "C"]
tril = ["T", "T"]
[params]
Wq = ["C", "C"]
Wk = ["C", "C"]
[forward]
q = "x @ Wq"
k = "x @ Wk"
{lines}
loss = "(att @ x).pow(2).mean()"
[values]
tril = [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
"""

CAUSAL_FORMS = {
    "own_line": "wei = \"(q @ k.T).masked_fill(tril == 0, float('-inf'))\"\n"
    'att = "F.softmax(wei, dim=-1)"',
    "same_line": "att = \"torch.softmax((q @ k.T).masked_fill(tril == 0, -np.inf), dim=-1)\"",
    "method_softmax": "wei = \"(q @ k.T).masked_fill(tril == 0, float('-inf'))\"\n"
    'att = "wei.softmax(-1)"',
    "where": "att = \"F.softmax(torch.where(tril == 0, float('-inf'), q @ k.T), dim=-1)\"",
    # a mask on the scores themselves (a parameter's), masked entries hit at the identity tests
    "mask_of_scores": "att = \"F.softmax(torch.masked_fill(q @ k.T, q @ k.T < -0.5, "
    "value=float('-inf')), dim=-1)\"",
}


@pytest.mark.parametrize("name", sorted(CAUSAL_FORMS))
def test_a_minus_inf_fill_before_a_softmax_is_pytorchs(name: str) -> None:
    """nanoGPT's causal head: -inf filled where the mask is 0, then a softmax; derive fills
    -1e9 (exactly the same zeros in float64); PyTorch runs the real -inf."""
    out = oracle_text(CAUSAL.format(lines=CAUSAL_FORMS[name]), name.replace("_", "-"))
    assert out.status == "agree", (out.status, out.reason)


REFUSED = {
    # (heldnets25: np.diag(u) of a 1-D u of known length is read, I * u; spellings26: of an
    # expression's length too — this one is then a (3, 3) matrix plus a (2, 2) one, which NumPy
    # refuses as well: refused naming the shapes)
    "diag_alone": ('r = "np.diag(Z.sum(1)) * 1 + 0 * Z[0:2, :]"', "left is (3, 3), right is (2, 2)"),
    "diag_of_matrix": ('r = "A @ np.diag(W)"', "np.diag of a matrix"),
    "reshape_1d_to_sizes": ('r = "Z.sum(1).reshape(m, 1) * A"', "reshape(-1, 1)"),
    "floor_div_of_tensor": ('r = "Z // 2"', "'//' is read between sizes"),
    "negative_base": ('r = "(-2) ** Z"', "positive number"),
    "fully_masked_row": (
        "r = \"F.softmax(A.masked_fill(A > 0, float('-inf')), dim=-1)\"",
        "PyTorch gives NaN there; a mask must keep an entry of each row",
    ),
    "inf_not_before_softmax": (
        "wei = \"Z.masked_fill(Z > 0, float('-inf'))\"\nr = \"F.softmax(wei, dim=-1) + wei\"",
        "read only where a softmax is taken of it",
    ),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_forms_still_not_read_are_refused_naming_what_is(name: str) -> None:
    lines, fragment = REFUSED[name]
    with pytest.raises(spec.SpecError) as err:
        spec.parse(PROBE.format(lines=lines), source=name)
    assert fragment in str(err.value) and "\n" not in str(err.value)


MAKEMORE = """
[dims]
n = 4
block_size = 3
vocab_size = 5
n_embd = 2
n_hidden = 3
[inputs]
Xb = ["n", "block_size"]
Yb = ["n"]
[params]
C = ["vocab_size", "n_embd"]
W1 = ["block_size * n_embd", "n_hidden"]
b1 = ["n_hidden"]
W2 = ["n_hidden", "vocab_size"]
[forward]
emb = "{lookup}"
{lines}
logits = "h @ W2"
loss = "F.cross_entropy(logits, Yb)"
{values}
"""
VALUES = "[values]\nXb = [[0, 0, 1], [0, 1, 3], [1, 3, 3], [3, 3, 2]]\nYb = [3, 3, 2, 4]"
LOOKUPS = {
    "view_rows": ("C[Xb]", 'h = "torch.tanh(emb.view(emb.shape[0], -1) @ W1 + b1)"', VALUES),
    "view_numbers": ("C[Xb]", 'h = "torch.tanh(emb.view(-1, 6) @ W1 + b1)"', VALUES),
    "reshape_drawn": ("F.embedding(Xb, C)", 'h = "np.tanh(emb.reshape(n, -1) @ W1 + b1)"', ""),
}


@pytest.mark.parametrize("name", sorted(LOOKUPS))
def test_a_lookup_by_a_matrix_of_labels_is_pytorchs(name: str) -> None:
    """makemore part 2's emb = C[Xb] with Xb [N, block] (NumPy's and PyTorch's 3-D lookup),
    flattened by emb.view(N, -1): derive reads the block's lookups side by side; PyTorch runs
    the original indexing with the 2-D labels."""
    lookup, lines, values = LOOKUPS[name]
    text = MAKEMORE.format(lookup=lookup, lines=lines, values=values)
    out = oracle_text(text, name.replace("_", "-"))
    assert out.status == "agree", (out.status, out.reason)


def test_a_3d_lookup_used_unflattened_is_refused() -> None:
    text = MAKEMORE.format(
        lookup="C[Xb]", lines='h = "torch.tanh(emb.sum(1) @ W1[0:2, :])"', values=VALUES
    )
    with pytest.raises(spec.SpecError) as err:
        spec.parse(text, source="mm")
    assert "read only flattened to a matrix" in str(err.value)
