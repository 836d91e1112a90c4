"""The children of a cold ``derive build`` (derive/render/build.py): a network with ``[train]`` is
trained by a forked child (``Ahead``) while the build goes on, and each network's identity
tests run on the other core (``derive_deferred``) until they are settled before any file is
written. Same bytes as a build with no child; a child that dies means the work is done here; a
false step is still reported, and nothing is written."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import jinja2
import pytest
from katex_oracle import own_processes

from derive import forks
from derive.engine import mform
from derive.engine.steps import StepError
from derive.numeric import verify as numeric
from derive.render import build as B
from derive.render import jinja_setup

if not forks.usable(B.torch_worker.ENV):
    pytest.skip("the children run on Linux with two CPUs only", allow_module_level=True)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def small(tmp_path) -> str:
    """relu-mlp (which trains) at a small full size: fast to train beside a loaded machine."""
    text = (ROOT / "derive/lang/specs/relu-mlp.toml").read_text("utf-8")
    text = text.replace('name = "relu-mlp"', 'name = "small-train"')
    full = ("n = 64\nD_in = 1000\nH = 100\nD_out = 10", "n = 8\nD_in = 20\nH = 6\nD_out = 3")
    text = text.replace(*full)
    assert "D_in = 20" in text
    path = tmp_path / "small-train.toml"
    path.write_text(text, "utf-8")
    return str(path)


def _build(out: Path, nets) -> list[Path]:
    return B.build(B.plan(list(nets), ["md,py"], ["en"], out))


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE", "off")  # a cached network needs no child
    monkeypatch.setenv("DERIVE_SERVER", "off")


def test_the_trained_handout_is_the_one_built_without_children(tmp_path, monkeypatch, small):
    started = []
    start_all = B.Ahead.start_all.__func__

    def spy(cls, p, worker=None, out=None):
        found = start_all(cls, p, worker, out)
        started.extend(found)
        return found

    monkeypatch.setattr(B.Ahead, "start_all", classmethod(spy))
    _build(tmp_path / "ahead", [small])
    assert started == ["small-train"]
    monkeypatch.setenv("DERIVE_WORKER", "off")
    _build(tmp_path / "here", [small])
    ahead, here = _files(tmp_path / "ahead"), _files(tmp_path / "here")
    assert ahead == here and any(name.endswith(B.PLOT) for name in ahead)


def test_a_trainer_that_dies_means_training_here(tmp_path, monkeypatch, small):
    parent, train = os.getpid(), numeric.train
    trained_here = []

    def dies_in_child(d, **kwargs):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        trained_here.append(d.graph.spec.name)
        return train(d, **kwargs)

    monkeypatch.setattr(numeric, "train", dies_in_child)
    _build(tmp_path / "killed", [small])
    assert trained_here == ["small-train"]
    monkeypatch.setattr(numeric, "train", train)
    monkeypatch.setenv("DERIVE_WORKER", "off")
    _build(tmp_path / "here", [small])
    assert _files(tmp_path / "killed") == _files(tmp_path / "here")


@pytest.mark.parametrize("trains", [False, True])  # deferred alone; with Ahead
def test_a_false_step_fails_the_build_and_writes_nothing(tmp_path, monkeypatch, small, trains):
    monkeypatch.setattr(mform, "transpose", lambda x, general=False: x)
    out = tmp_path / "out"
    with pytest.raises(StepError):
        _build(out, [small if trains else "tiny-mlp"])
    assert not out.exists() or not any(out.rglob("*"))
    assert not _children()


def _children() -> list[int]:
    """This process's children still alive (none may outlive a build), but the KaTeX oracle's
    own server (tests/katex_oracle.py keeps one node per test process)."""
    if not sys.platform.startswith("linux"):
        return []
    me, found, oracle = os.getpid(), [], own_processes()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me and fields[0] != "Z" and int(stat.parent.name) not in oracle:
            found.append(int(stat.parent.name))
    return found


def test_a_render_child_that_dies_means_rendering_here(tmp_path, monkeypatch):
    parent, render_child = os.getpid(), B._render_child
    started = []

    def dies(conn, job):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return render_child(conn, job)

    def spy(self, job, expected):
        started.append(expected)
        return start(self, job, expected)

    start = B.Renders.start
    monkeypatch.setattr(B, "RENDER_HERE_LAST", 0)  # every network by a child
    monkeypatch.setattr(B, "_render_child", dies)
    monkeypatch.setattr(B.Renders, "start", spy)
    _build(tmp_path / "killed", ["neuron", "chain"])
    assert len(started) == 2  # a child per network: both died, both rendered here
    monkeypatch.undo()
    for name in ("DERIVE_CACHE", "DERIVE_SERVER", "DERIVE_WORKER"):
        monkeypatch.setenv(name, "off")
    _build(tmp_path / "here", ["neuron", "chain"])
    assert _files(tmp_path / "killed") == _files(tmp_path / "here")


def test_training_shares_its_products_with_the_loss_and_gives_the_same_losses(small) -> None:
    """A training step computes ``x @ w1`` once for the forward pass and the loss's own forward
    pass (``numeric._Products``): the history is the one each pass computing its own gives."""
    from derive.engine.backprop import derive
    from derive.lang import spec

    d = derive(spec.load(small))
    shared = numeric.train(d, steps=20)
    sizes = d.graph.spec.full_dims
    point = numeric.random_point(d.graph, seed=0, sizes=sizes, first=True)
    lr = float(d.graph.spec.train["lr"])
    alone, hits = [], []

    class Counting(numeric._Products):
        def __call__(self, a, b):
            hits.append((id(a), id(b)) in self.done)
            return super().__call__(a, b)

    for step in range(20):
        grads, loss = numeric.gradients_matrix(d, point, sizes)
        assert numeric.gradients_matrix(d, point, sizes, matmul=Counting())[1] == loss
        alone.append((step, loss))
        for p in d.graph.spec.params:
            point[p] = point[p] - lr * grads[p]
    assert shared == alone
    assert any(hits)  # the loss's x @ w1 was the forward pass's


def _fresh_templates(monkeypatch) -> None:
    """Templates not compiled yet in this process (an earlier test's build compiled them)."""
    monkeypatch.setattr(B, "_COMPILED", set())
    monkeypatch.setattr(jinja_setup, "COMPILED", set())
    B.render.environment.cache_clear()


@pytest.mark.parametrize("child_dies", [False, True])
def test_templates_compiled_by_a_child_give_the_same_files(tmp_path, monkeypatch, child_dies):
    """``TemplatesAhead``: the templates come compiled from a child (this process compiles
    none), or, when the child dies, are compiled here; the files are the same bytes."""
    parent, compile_ = os.getpid(), jinja2.Environment.compile
    compiled_here = []

    def spy(env, source, name=None, filename=None, raw=False, defer_init=False):
        if os.getpid() != parent and child_dies:
            os.kill(os.getpid(), signal.SIGKILL)
        if os.getpid() == parent:
            compiled_here.append(name)
        return compile_(env, source, name, filename, raw, defer_init)

    _fresh_templates(monkeypatch)
    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    _build(tmp_path / "ahead", ["neuron", "chain"])
    assert bool(compiled_here) == child_dies
    assert "md/sections.md.j2" in compiled_here or not child_dies
    monkeypatch.undo()
    _fresh_templates(monkeypatch)
    monkeypatch.setenv("DERIVE_WORKER", "off")
    _build(tmp_path / "here", ["neuron", "chain"])
    assert _files(tmp_path / "ahead") == _files(tmp_path / "here")
    assert not _children()


def _spy_compiles(monkeypatch) -> list[str]:
    """The templates this process compiles from now on (a child's compiles are not listed)."""
    parent, compile_ = os.getpid(), jinja2.Environment.compile
    compiled_here: list[str] = []

    def spy(env, source, name=None, filename=None, raw=False, defer_init=False):
        if os.getpid() == parent:
            compiled_here.append(name)
        return compile_(env, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    return compiled_here


@pytest.mark.parametrize("formats", [["md,py"], ["md"]])
def test_templates_compiled_first_thing_give_the_same_files(tmp_path, monkeypatch, formats):
    """``jinja_setup.start`` (forked by ``derive build`` before SymPy is imported): its
    compile-only environments — stand-in filters under the real names — give code the build
    loads (this process compiles nothing) and the same files as a build without children. A
    child compiling other families than the plan's is ended, and one is forked for the plan."""
    _fresh_templates(monkeypatch)
    compiled_here = _spy_compiles(monkeypatch)
    child = jinja_setup.start(formats, B.torch_worker.ENV)
    assert child is not None and child.pid is not None
    B.build(B.plan(["neuron", "chain"], ["md,py"], ["en"], tmp_path / "ahead"), compiling=child)
    assert compiled_here == []
    assert child.pid is None and child.conn is None  # taken over (or ended) and reaped
    monkeypatch.undo()
    _fresh_templates(monkeypatch)
    monkeypatch.setenv("DERIVE_WORKER", "off")
    _build(tmp_path / "here", ["neuron", "chain"])
    assert _files(tmp_path / "ahead") == _files(tmp_path / "here")
    assert not _children()


def test_the_compile_only_environments_know_every_filter_and_start_only_on_a_first_build(
    tmp_path, monkeypatch
):
    """The stand-ins cover the real environments' filters (an unknown filter would fail the
    child's compile, and the build would compile here); the early child starts only while no
    numbers are cached (a later build's templates are compiled only if it renders) and while
    this process has not compiled them already."""
    for _folder, family in jinja_setup.families(["md", "tex", "ipynb", "py"]):
        real = B.render.environment(family)
        assert set(jinja_setup.compile_only(family).filters) == set(real.filters)
    numbers = tmp_path / "cache" / "numbers"
    numbers.mkdir(parents=True)
    monkeypatch.setenv("DERIVE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(jinja_setup, "COMPILED", set())  # an earlier test's build compiled them
    child = jinja_setup.start(["md"], B.torch_worker.ENV)
    assert child is not None
    child.close()
    assert jinja_setup.start(["exercises"], B.torch_worker.ENV) is None  # no templates
    monkeypatch.setattr(jinja_setup, "COMPILED", {jinja_setup.families(["md"])})
    assert jinja_setup.start(["md"], B.torch_worker.ENV) is None  # compiled here already
    monkeypatch.setattr(jinja_setup, "COMPILED", set())
    (numbers / "entry").write_bytes(b"")
    assert jinja_setup.start(["md"], B.torch_worker.ENV) is None
    assert not _children()


def test_the_build_freezes_the_heap_while_it_forks_and_leaves_the_collector_as_it_was(
    tmp_path, monkeypatch
):
    """``forks.frozen_heap``: the objects made before the children are forked are in the
    collector's permanent generation while the build runs (no walk copies the pages the
    children share), and collected as before once it ends."""
    import gc

    seen = []
    fork = forks.fork

    def spy(body, duplex=True):
        seen.append(gc.get_freeze_count())
        return fork(body, duplex)

    monkeypatch.setattr(forks, "fork", spy)
    assert gc.get_freeze_count() == 0
    _build(tmp_path / "out", ["neuron", "chain"])
    assert seen and min(seen) > 0
    assert gc.get_freeze_count() == 0


def test_walkthroughs_prepared_while_pytorch_imports_give_the_same_files(tmp_path, monkeypatch):
    """While PyTorch's worker has no answer ready, the build prepares the networks' contexts
    (the part their numbers do not change) and uses them at their turn: the same bytes."""
    from derive.walkthrough import context as ctx

    class Importing:  # a worker still importing: never ready; its answers computed here
        def ready(self) -> bool:
            return False

        def __call__(self, *args):
            return None

    made_at_turn = []
    prepare = ctx.prepare

    def spy(*args, **kwargs):
        made_at_turn.append(args[0].spec.name)
        return prepare(*args, **kwargs)

    monkeypatch.setattr(ctx, "prepare", spy)  # the context's own call (B.prepare_context: ahead)
    plan = B.plan(["neuron", "chain"], ["md,py"], ["en"], tmp_path / "ahead")
    B.build(plan, worker=Importing())
    assert made_at_turn == []  # both prepared ahead and used
    monkeypatch.setenv("DERIVE_WORKER", "off")
    _build(tmp_path / "here", ["neuron", "chain"])
    assert made_at_turn == ["chain", "neuron"] or made_at_turn == ["neuron", "chain"]
    assert _files(tmp_path / "ahead") == _files(tmp_path / "here")
