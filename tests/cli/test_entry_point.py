"""The tests that run the installed program itself (what only a real process shows); every other CLI test calls
``cli.main``."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factlog.cli._streams import EXIT_INTERRUPTED
from tests.helpers import GOLDEN, ROOT, run


def test_python_dash_m_and_console_script_agree_with_main() -> None:
    """`python -m factlog`, the `factlog` script and ``cli.main`` print the same and exit alike."""
    env = {**os.environ, "NO_COLOR": "1"}
    script = Path(sys.executable).parent / "factlog"
    outputs = [
        subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, env=env)
        for command in (
            [sys.executable, "-m", "factlog", "validate", str(GOLDEN)],
            [str(script), "validate", str(GOLDEN)],
        )
    ]
    expected = run("validate", str(GOLDEN))
    assert expected.returncode == 0
    for output in outputs:
        assert (output.returncode, output.stdout, output.stderr) == (0, expected.stdout, expected.stderr)


def test_a_closed_pipe_exits_quietly() -> None:
    """`factlog schema` into a pipe nobody reads: no traceback, nothing on stderr, exit 141."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "factlog", "schema"], stdout=write, stderr=subprocess.PIPE, cwd=ROOT, check=False
        )
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (141, b"")


def _before_factlog(code: int, err: str) -> bool:
    """Whether a run ended as Python ends a Ctrl-C while it starts, before any of factlog's code (its own files).

    Before the interpreter installs its own SIGINT handler (on a loaded machine, well past
    the first hundredths of a second) the signal's default action kills it without a word.
    """
    if code == -signal.SIGINT and not err:
        return True
    # The entry module's own import (its `import signal`, before `main` can catch anything) is Python's too.
    entry = re.compile(rf'File "{re.escape(str(ROOT / "_factlog_cli.py"))}", line \d+, in <module>\n')
    ours = (str(ROOT / "factlog"), str(ROOT / "_factlog_cli.py"))
    rest = entry.sub("", err)
    return code in (-signal.SIGINT, 1) and "KeyboardInterrupt" in err and not any(path in rest for path in ours)


_INTERRUPTED_IMPORT = '''
import runpy, sys
import factlog  # what python -m imports before factlog/__main__.py runs

class Interrupting:
    """A Ctrl-C as the command line is imported: once the package is, before the command runs."""

    def find_spec(self, name, path=None, target=None):
        if name == "factlog.cli":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, Interrupting())
sys.argv = ["factlog", "check", "sources"]
runpy.run_module("factlog", run_name="__main__", alter_sys=True)
'''


def test_python_dash_m_reports_a_ctrl_c_while_it_imports_the_command_line() -> None:
    """`python -m factlog` interrupted once the package is imported, while the command line is: one line, exit 130."""
    env = {**os.environ, "NO_COLOR": "1"}
    ran = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_IMPORT], capture_output=True, text=True, check=False, cwd=ROOT, env=env
    )
    assert (ran.returncode, ran.stdout, ran.stderr) == (EXIT_INTERRUPTED, "", "interrupted\n")


def test_a_ctrl_c_while_the_command_starts_is_one_line_and_exit_130() -> None:
    """SIGINT at moments of `factlog check`'s start (importing factlog, then the run): only "interrupted", exit 130.

    The later moments are shares of a whole run's time measured just before (a second run:
    the first compiles, and its time would put the shares past the end of the runs after
    it), so that on a loaded machine (where Python itself, and coverage in it, start
    slowly) they still fall within the run.

    A run the signal reached after it ended exits as it would have; one it reached while Python itself started
    (the interpreter, the console script's `import re`: a few hundredths of a second) is Python's to end. At
    least one run is interrupted.
    """
    script = str(Path(sys.executable).parent / "factlog")
    command = [script, "check", str(ROOT / "sources")]
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run(command, capture_output=True, check=False, cwd=ROOT, env=env)  # compiles once, not timed
    begun = time.monotonic()
    whole = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    took = time.monotonic() - begun  # the moments scale with a warm run: a loaded machine starts Python slowly
    assert whole.returncode in (0, 1)
    interrupted = 0
    for delay in (0.05, 0.15, *(took * share for share in (0.2, 0.35, 0.5, 0.65, 0.8))):
        started = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env
        )
        time.sleep(delay)
        started.send_signal(signal.SIGINT)
        out, err = started.communicate()
        if started.returncode == EXIT_INTERRUPTED:
            interrupted += 1
            assert err == "interrupted\n", f"{delay} s"
        elif not _before_factlog(started.returncode, err):
            assert (started.returncode, out, err) == (whole.returncode, whole.stdout, whole.stderr), f"{delay} s"
    assert interrupted


@pytest.mark.parametrize(
    "command", [("log", "show", "{store}"), ("export", "sources", "--to", "prov")], ids=["log show", "export"]
)
def test_a_reader_gone_after_the_first_bytes_of_a_large_output_is_exit_141(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """More than a pipe holds, its reader gone after one byte: exit 141 (the rest was never written), never 0."""
    store = tmp_path / "s.db"
    appended = subprocess.run(
        [sys.executable, "-m", "factlog", "log", "append", str(store), "sources"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert appended.returncode == 0
    shown = subprocess.run(
        [sys.executable, "-m", "factlog", *(part.format(store=store) for part in command)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    assert len(shown.stdout) > 65_536  # more than a pipe holds, or the writer could finish before the reader goes
    read, write = os.pipe()
    with subprocess.Popen(
        [sys.executable, "-m", "factlog", *(part.format(store=store) for part in command)],
        stdout=write,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as process:
        os.close(write)
        assert len(os.read(read, 1)) == 1  # the pipe (64 KiB) fills; the writer waits for this reader
        os.close(read)
        _, err = process.communicate()
    assert (process.returncode, err) == (141, b"")
