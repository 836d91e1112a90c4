"""Compile a LaTeX walkthrough to PDF with xelatex, safely and reproducibly (DESIGN.md section 6).

Contract of :func:`compile_pdf`:

* needs ``latexmk`` and ``xelatex`` on PATH, else raises :class:`ToolMissing`, whose message says
  what to install;
* compiles in a fresh temporary directory with
  ``latexmk -norc -xelatex -no-shell-escape -halt-on-error -interaction=nonstopmode
  -file-line-error``, no standard input, ``openin_any=p``/``openout_any=p`` (TeX may read and write
  only below its working directory: no absolute paths, no ``..``, no dot files),
  ``SOURCE_DATE_EPOCH=0``/``FORCE_SOURCE_DATE=1`` (dates in the PDF are fixed) and a timeout;
* raises :class:`LatexFailed` carrying the relevant part of the log when the run fails, times out,
  or the log reports a ``Missing character`` (a glyph the font lacks would silently vanish);
* on success writes the PDF atomically to ``pdf_path`` (a temporary file in the same directory,
  then ``os.replace``); on failure ``pdf_path`` is left untouched.

Both exceptions subclass :class:`ExternalToolError`, which the CLI maps to exit code 3.
"""

from __future__ import annotations

import os
import pathlib
import re
import secrets
import shutil
import signal
import subprocess
import tempfile

from derive.errors import ToolError

__all__ = ["ExternalToolError", "LatexFailed", "ToolMissing", "compile_pdf"]

INSTALL_HINT = (
    "apt-get install -y --no-install-recommends texlive-xetex texlive-lang-chinese latexmk"
)
LATEXMK_ARGS = (
    "-norc",
    "-xelatex",
    "-no-shell-escape",
    "-halt-on-error",
    "-interaction=nonstopmode",
    "-file-line-error",
)
JOB = "walkthrough"
_CONTEXT_AFTER_ERROR = 6  # log lines kept after each line starting with "!"
_MAX_REPORT_LINES = 60
_FILE_LINE_ERROR = re.compile(r"^\S[^:]*:\d+: ")


class ExternalToolError(ToolError):
    """An external tool (LaTeX, ...) is missing or failed; the CLI exits with code 3."""


class ToolMissing(ExternalToolError):
    """A required program is not on PATH; the message names the packages to install."""


class LatexFailed(ExternalToolError):
    """LaTeX failed, timed out or dropped a glyph; ``log_excerpt`` holds the relevant log lines."""

    def __init__(self, message: str, log_excerpt: str = "") -> None:
        super().__init__(f"{message}\n{log_excerpt}".rstrip())
        self.log_excerpt = log_excerpt


def _latex_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "openin_any": "p",
            "openout_any": "p",
            "SOURCE_DATE_EPOCH": "0",
            "FORCE_SOURCE_DATE": "1",
            "max_print_line": "10000",  # do not wrap log lines: messages stay greppable
        }
    )
    return env


def _log_excerpt(log: str) -> str:
    """The error lines of the log and a few after each, plus every ``Missing character`` line.

    An error line starts with ``!`` or, under ``-file-line-error``, with ``file:line:``.
    """
    lines = log.splitlines()
    keep: list[int] = []
    for i, line in enumerate(lines):
        if line.startswith("!") or _FILE_LINE_ERROR.match(line):
            for j in range(i, min(i + 1 + _CONTEXT_AFTER_ERROR, len(lines))):
                if j > i and lines[j].startswith("Here is how much of TeX's memory"):
                    break
                keep.append(j)
        elif "Missing character" in line:
            keep.append(i)
    ordered = sorted(set(keep))[:_MAX_REPORT_LINES]
    return "\n".join(lines[i] for i in ordered)


def _tail(text: str, n: int = 25) -> str:
    return "\n".join(text.splitlines()[-n:])


def _run(cmd: list[str], cwd: str, timeout: float) -> tuple[int | None, str]:
    """Run ``cmd`` in its own process group; kill the whole group on timeout.

    Returns ``(returncode, combined output)``; returncode is None after a timeout.
    """
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=_latex_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        return None, out.decode("utf-8", "replace")
    return proc.returncode, out.decode("utf-8", "replace")


def _write_atomically(data: bytes, path: pathlib.Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # os.open with mode 0o666 (not mkstemp's 0o600) so the PDF gets the usual umask permissions
    tmp = path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def compile_pdf(tex_source: str, pdf_path: pathlib.Path, *, timeout: float = 180.0) -> str:
    """Compile ``tex_source`` with xelatex (via latexmk) and write the PDF to ``pdf_path``.

    Raises ``ToolMissing`` if latexmk or xelatex is not on PATH, and ``LatexFailed`` (with the
    ``!`` lines of the log and a few after, plus any ``Missing character`` lines) if LaTeX fails,
    runs longer than ``timeout`` seconds, or reports a glyph missing from a font. ``pdf_path`` is
    written atomically, and only on success; its parent directory is created if needed.
    Returns the LaTeX log (for layout checks such as overfull boxes).
    """
    pdf_path = pathlib.Path(pdf_path)
    missing = [tool for tool in ("latexmk", "xelatex") if shutil.which(tool) is None]
    if missing:
        raise ToolMissing(
            f"{' and '.join(missing)} not found on PATH; to build PDFs install TeX with: "
            f"{INSTALL_HINT}"
        )
    latexmk = shutil.which("latexmk")
    assert latexmk is not None
    with tempfile.TemporaryDirectory(prefix="derive-pdf-") as workdir:
        work = pathlib.Path(workdir)
        (work / f"{JOB}.tex").write_text(tex_source, encoding="utf-8")
        code, output = _run([latexmk, *LATEXMK_ARGS, f"{JOB}.tex"], workdir, timeout)
        log_file = work / f"{JOB}.log"
        log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""
        excerpt = _log_excerpt(log) or _tail(log or output)
        if code is None:
            raise LatexFailed(f"LaTeX timed out after {timeout:g} s", excerpt)
        if code != 0:
            raise LatexFailed(f"LaTeX failed (latexmk exit code {code})", excerpt)
        if "Missing character" in log:
            raise LatexFailed("LaTeX dropped characters missing from the font", excerpt)
        pdf_file = work / f"{JOB}.pdf"
        if not pdf_file.is_file():
            raise LatexFailed("LaTeX produced no PDF", excerpt)
        _write_atomically(pdf_file.read_bytes(), pdf_path)
        return log
