"""Every numeric tolerance of the engine, in one place, each with its reason.

"Equal" means different things for different comparisons; the constants below say what and why.
Identity tests of :mod:`derive.engine.steps` are exact-arithmetic (50 digits), everything else float64.
"""

from __future__ import annotations

import mpmath
import numpy as np

U = float(np.finfo(np.float64).eps)  # unit round-off of float64, 2.2e-16

# ---- float64 comparisons (derive verify) -------------------------------------------------------

#: (rtol, atol) for ours vs PyTorch and element-wise vs matrix form: two computations of the same
#: formulas in float64 differ by a few ulps per operation; 1e-9 relative leaves 10^6 ulps of room
#: for long sums, while any wrong rule (a missing factor, a wrong sign, a transposed operand) is
#: off by O(1) relative.
EXACT_RTOL, EXACT_ATOL = 1e-9, 1e-12

#: central-difference step. The truncation error of (f(x+h) − f(x−h))/2h is ~h²·|f'''|/6 and its
#: round-off ~|f|·u/h; h = u^(1/3) ≈ 6e-6 balances them (both ~1e-11 for f''' and f of order 1).
#: 1e-6 is a round value near it.
FD_STEP = 1e-6

#: (rtol, atol) for ours vs finite differences: truncation ~h² ≈ 1e-12 and round-off ~u/h ≈ 2e-10
#: for O(1) losses, so 1e-5 relative / 1e-7 absolute is ~1000× above noise and still ~1e5× below
#: any wrong rule. The absolute part grows with the loss itself (see :func:`fd_atol`).
FD_RTOL, FD_ATOL = 1e-5, 1e-7

#: the loss of a saturated or large network can be ~1e7: the round-off of a central difference is
#: then ≈ |L|·u/h (each of the two loss values is off by |L|·u). A safety factor of 64 covers the
#: accumulation over the forward pass (≈ number of operations × u in the worst case, but partial
#: cancellation in practice; measured worst on the fuzz sample ≈ 8).
FD_ROUNDOFF_FACTOR = 64.0

#: also, FD round-off in a parameter's direction is amplified by the size of the parameter itself
#: when a relative step is used; we use an absolute step, so no term for it.

#: entries per tensor checked by finite differences when it has more (a deterministic sample)
FD_SAMPLE = 24

#: where float64 loses a loss's digits (1 − σ(z) at saturation), a central difference is taken
#: again with the forward pass in FD_PRECISE_DPS digits and step FD_PRECISE_STEP
#: (numeric.verify.precise_fd): truncation ≈ h²·|L'''|/6 ≈ 2e-21·|L'''|, round-off
#: ≈ 10^-60·κ·|L|/h with κ the cancellation's factor (1e14 for 1 − σ(32)): both far below
#: FD_RTOL. The step crosses no kink input (those within KINK_BAND of 0 are not compared).
FD_PRECISE_DPS = 60
FD_PRECISE_STEP = "1e-10"

#: a kink input (ReLU, leaky ReLU, abs) closer than this to 0 makes central differences straddle
#: the kink; those entries are not compared with finite differences (and the output says so).
#: 10·h: the perturbation of one parameter by h moves a kink input by h·|∂z/∂p| and |∂z/∂p| is
#: O(1)–O(10) at the sizes we sample.
KINK_BAND = 10 * FD_STEP


def exact_atol(scale: float) -> float:
    """Absolute part of the float64-vs-float64 tolerance at a point whose forward values and
    gradients reach ``scale`` in magnitude: a gradient entry that cancels to ~0 is a sum of terms
    of that size, each with round-off ~u·scale, so its float value is only known to
    ~(number of terms)·u·scale; EXACT_ATOL (≈ 4500 u) is that allowance per unit of scale."""
    return EXACT_ATOL * max(1.0, abs(scale))


#: the element-wise derivation is evaluated in long double (float64 where the platform has
#: nothing wider) with a first-order bound on each value's
#: round-off (:mod:`derive.numeric.tape`); a defined symbol whose bound exceeds this fraction of
#: its value (a saturated σ's 1 − a, a cancellation, a kink input within its round-off of 0) is
#: evaluated again in high precision. 1e-11 is 100× below EXACT_RTOL, so what float64 keeps
#: cannot move an element-wise entry by a noticeable part of the comparison's tolerance.
ELEMENTWISE_TRUST = 1e-11

COMPARE = {
    "torch": (EXACT_RTOL, EXACT_ATOL),
    "elementwise": (EXACT_RTOL, EXACT_ATOL),
    "fd": (FD_RTOL, FD_ATOL),
}


def fd_atol(loss: float, scale: float = 1.0) -> float:
    """Absolute tolerance of a central difference of a loss of size ``|loss|``; ``scale`` is the
    largest |value| met in the forward pass (cancellation inside the loss can make the round-off
    of ``L`` as large as ``scale·u`` even when ``L`` is small)."""
    size = max(abs(loss), abs(scale))
    return max(FD_ATOL, FD_ROUNDOFF_FACTOR * size * U / FD_STEP)


# ---- exact arithmetic (walkthrough numbers, identity tests) ------------------------------------

#: digits of the high-precision example values (walkthrough numbers are rounded to 7 once)
EXAMPLE_DPS = 30
#: when a value is not finite at EXAMPLE_DPS (σ(1000) rounds to 1, so 1 − σ is 0 and a quotient
#: blows up) the evaluation is retried with more digits, up to this many: e^−1000 ≈ 1e−435 needs
#: ~450, |z| ≤ 1e4 in a spec keeps every such gap above 1e−4343.
EXAMPLE_MAX_DPS = 4400

#: relative tolerance of the identity checker (:func:`derive.engine.steps.prove`): both sides are
#: evaluated in 50-digit arithmetic (``steps.DPS``), so round-off is ~1e-48 per operation; a long
#: chain of products and sums (σ, softmax, a few hundred terms) loses at most a few digits more.
#: 1e-30 leaves ~18 digits of room for that and is still ~1e30× below any false identity, whose
#: sides differ in the leading digits at random rational points.
IDENTITY_RTOL = mpmath.mpf(10) ** -30

# ---- derive check (a student's formula against the derivation) -------------------------------

#: relative tolerance when the checker compares a formula with the truth at an exact point (50
#: digits): both come from the same leaves by short computations (a few matrix products), so they
#: agree to ~45 digits when right; 1e-40 still tells apart formulas that differ by a relative 1e-40
#: (none of the mutations does), and no round-off reaches it.
CHECK_RTOL = mpmath.mpf(10) ** -40

#: … when the formula holds a decimal of 15 or more significant digits: a number printed from
#: float64 (0.7978845608028654 for √(2/π), or the product 0.035677408136300125 of two such) is
#: the true constant rounded to float64 (relative 1.1e-16 each); a few of them in a formula stay
#: far below 1e-12, and no mistake a student makes changes a gradient by a relative 1e-12.
CHECK_PRINTED_RTOL = mpmath.mpf(10) ** -12

#: |x| beyond which ``exp(x)`` counts as an overflow (the formula has no finite value there) in the
#: checker's exact evaluation: float64 overflows at 709, so a student's formula that needs e^(10^6)
#: cannot be what they mean, and 50-digit mpmath would otherwise carry numbers of a million digits'
#: exponent through every later step. Ops flagged ``exponential`` in the operation table get it.
EXP_CAP = 10**6

#: (rtol, atol-per-scale) of the checker's float64 comparisons (diagnosis by mutation, example
#: values): two float64 computations of the same formula in different orders differ by a few ulps
#: per operation, like :data:`EXACT_RTOL`; the absolute part is relative to the largest entry of
#: the expected value, so an entry that cancels to ~0 is not judged by its round-off.
CHECK_FLOAT_RTOL, CHECK_FLOAT_ATOL = 1e-9, 1e-12

#: relative agreement of the ratios user/truth taken at several points and entries for the
#: checker to call them one constant factor (``2·``, ``1/m``, a dimension to some power): each
#: ratio carries the round-off of two float64 formulas divided by an entry that may be small, so
#: they agree to ~1e-10 when the factor is constant; 1e-7 accepts that and still rejects any
#: ratio that changes with the point (those differ at O(1)).
CHECK_RATIO_RTOL = 1e-7

#: the smallest scale a float64 comparison divides by (a zero matrix has scale 0)
TINY = 1e-300

#: (rtol, atol-per-scale) for values that come from central differences of the spec's own
#: forward pass (the checker's re-check at other sizes where no rule applies): a central
#: difference with step FD_STEP is good to ~1e-8 relative on smooth losses; 1e-5 relative and
#: 1e-6 of the largest entry leave room for curvature and still reject any wrong formula (O(1)).
CHECK_FD_RTOL, CHECK_FD_ATOL = 1e-5, 1e-6

#: slack for a hand number's rounding window (handcalc): the window's edges are computed in
#: float64 from decimal digits, so a number exactly on an edge may miss it by an ulp or two
ROUNDING_SLACK = 1e-12
