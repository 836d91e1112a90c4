"""The hand-work budget of a standard handout (derive/render/environment.py ``_few``): a
network with many tensors works out one row of hand calculations per tensor and says the rest
are computed the same way; small networks and ``--detail full`` keep every calculation."""

from __future__ import annotations

from types import SimpleNamespace as NS

from derive.render import environment as env


def _calc(width: int) -> NS:
    # a hand calculation whose widest line has about ``width`` printed characters
    return NS(lhs="a", chain=(("=", "x" * width),))


def _w(sizes: list[int], width: int = 5) -> NS:
    items = [NS(calcs=tuple(_calc(width) for _ in range(n))) for n in sizes]
    return NS(forward=items[: len(items) // 2], backward=items[len(items) // 2 :])


def test_a_small_handout_works_out_up_to_six_entries_of_each_tensor() -> None:
    w = _w([4, 4, 2, 1, 7])
    few, dense = env._few(w, "standard")
    assert not dense
    assert [len(few(item.calcs)) for item in (*w.forward, *w.backward)] == [4, 4, 2, 1, 3]


def test_a_handout_over_the_budget_works_out_one_row_of_each_tensor() -> None:
    sizes = [4] * 16  # 64 entries > HAND_BUDGET
    assert sum(sizes) > env.HAND_BUDGET
    narrow, wide = _w(sizes, width=5), _w(sizes, width=60)
    few, dense = env._few(narrow, "standard")
    assert dense
    assert {len(few(item.calcs)) for item in narrow.forward} == {2}  # two narrow side by side
    few, dense = env._few(wide, "standard")
    assert dense and {len(few(item.calcs)) for item in wide.backward} == {1}  # one wide
    assert few(()) == ()


def test_full_detail_keeps_every_hand_calculation() -> None:
    w = _w([4] * 16)
    few, dense = env._few(w, "full")
    assert not dense
    assert all(len(few(item.calcs)) == 4 for item in (*w.forward, *w.backward))
