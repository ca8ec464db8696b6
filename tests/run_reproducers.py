"""Run a file of reproducers and say, for each, whether it behaved.

The file holds one reproducer a line, ``NAME|COMMAND`` (blank lines and lines starting with
'#' are skipped). Each command is run with bash from the project root, with a time limit, and
gets one verdict:

- ``ok``: exit code 0, or 1 with no traceback (a command-line error message);
- ``error``: a documented error, i.e. a Python traceback whose final line is
  ``weeknote_parser.errors.InputError: ...`` or ``...OptionsError: ...`` (a ``python -c``
  that lets a WeeknoteError escape prints one) -- this counts as behaving;
- ``traceback``: any other traceback on stderr (named ``traceback-in-command`` when the
  exception is raised by the command's own code rather than inside a library call);
- ``timeout``: still running when the time limit ran out (its whole process group is killed);
- ``exit N``: an exit code other than 0 or 1 without a traceback;
- ``network``: the command connected somewhere (or to a listener this script holds open);
- ``file-access``: the command opened a file outside Python's own installation and the
  package's source (the examples folder, say, or an absolute path).

The last two are seen by an audit hook (``sys.addaudithook``) put into every Python the
command starts, through a ``sitecustomize`` module on ``PYTHONPATH``; it records the
``socket.connect`` and ``open`` events it sees (files opened by C libraries are not seen).
Commands that name ``127.0.0.1:PORT`` get a listener on that port for their run: it accepts
connections and never answers, so a command that connects shows up as ``network`` (and, since
it waits for an answer, usually as ``timeout`` too). A parser that fetches nothing never
touches it. ``--no-listeners`` turns this off.

Exit status: 0 when every reproducer is ``ok`` or ``error``, 1 otherwise, 2 on bad usage.

Run from anywhere: ``python tests/run_reproducers.py [FILE] [--timeout 60] [--only NAME...]``.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT.parent / "shared" / "reproducers" / "robustness.txt"
AUDIT_HOOK = """\
import os, sys

_log = open(os.environ["REPRODUCER_AUDIT_LOG"], "a", encoding="utf-8", buffering=1)
_roots = (sys.prefix, sys.base_prefix, sys.exec_prefix)
_roots += tuple(os.environ["REPRODUCER_ALLOWED"].split(os.pathsep))
_allowed = tuple(os.path.realpath(p) + os.sep for p in _roots if p) + ("/dev/", "/proc/", "/sys/")
_busy = False


def _hook(event, args):
    global _busy
    if _busy or event not in ("open", "socket.connect"):
        return
    _busy = True
    try:
        if event == "socket.connect":
            _log.write("connect " + repr(args[1]) + "\\n")
        elif isinstance(args[0], (str, bytes)):
            path = os.path.realpath(os.fsdecode(args[0]))
            if not path.startswith(_allowed):
                _log.write("open " + path + "\\n")
    finally:
        _busy = False


sys.addaudithook(_hook)
"""
DOCUMENTED_ERROR = re.compile(r"^weeknote_parser\.errors\.(?:InputError|OptionsError): ")
PORT = re.compile(r"\b127\.0\.0\.1:(\d{1,5})\b")
FRAME = re.compile(r'^\s*File "([^"]*)", line \d+')


@dataclass(frozen=True, slots=True)
class Reproducer:
    name: str
    command: str
    line: int


@dataclass(slots=True)
class Outcome:
    verdict: str
    seconds: float
    exit_code: int | None
    stdout: str
    stderr: str
    connections: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.verdict not in ("ok", "error")


def read_reproducers(path: Path) -> list[Reproducer]:
    """The reproducers in ``path``; a line without '|' is an error naming its line."""
    found: list[Reproducer] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, bar, command = line.partition("|")
        if not bar or not name.strip() or not command.strip():
            raise ValueError(f"{path}:{number}: expected NAME|COMMAND")
        found.append(Reproducer(name.strip(), command.strip(), number))
    return found


def classify(
    exit_code: int | None, stderr: str, *, timed_out: bool, connections: int = 0, opened: int = 0
) -> str:
    """The verdict for one finished (or killed) command; see the module docstring."""
    if connections:
        return "network"
    if opened:
        return "file-access"
    if timed_out:
        return "timeout"
    if "Traceback (most recent call last)" in stderr:
        lines = [line for line in stderr.splitlines() if line.strip()]
        if lines and DOCUMENTED_ERROR.match(lines[-1]):
            return "error"
        frames = [m.group(1) for line in lines if (m := FRAME.match(line))]
        if frames and frames[-1] == "<string>":
            return "traceback-in-command"
        return "traceback"
    if exit_code in (0, 1):
        return "ok"
    return f"exit {exit_code}"


class Listener:
    """A TCP listener on 127.0.0.1:``port`` that counts connections and never answers."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connections = 0
        self._held: list[socket.socket] = []
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", port))
        self._server.listen(16)
        self._server.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._held.append(connection)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        for connection in self._held:
            connection.close()
        self._server.close()


def run_one(reproducer: Reproducer, *, timeout: float, listeners: bool) -> Outcome:
    """Run one command with bash from the project root and judge how it behaved."""
    notes: list[str] = []
    held: list[Listener] = []
    if listeners:
        for port in sorted({int(p) for p in PORT.findall(reproducer.command)}):
            try:
                held.append(Listener(port))
            except OSError as error:
                notes.append(f"no listener on port {port} ({error.strerror or error})")
    with tempfile.TemporaryDirectory(prefix="reproducer-") as audit_dir:
        finished = _run(reproducer.command, Path(audit_dir), timeout)
        seen = (Path(audit_dir) / "audit.log").read_text(encoding="utf-8").splitlines()
    connections = sum(1 for line in seen if line.startswith("connect "))
    opened = sorted({line.removeprefix("open ") for line in seen if line.startswith("open ")})
    for listener in held:
        connections += listener.connections
        listener.close()
    notes.extend(f"opened {path}" for path in opened[:3])
    verdict = classify(
        finished.exit_code,
        finished.stderr,
        timed_out=finished.timed_out,
        connections=connections,
        opened=len(opened),
    )
    return Outcome(
        verdict,
        finished.seconds,
        finished.exit_code,
        finished.stdout,
        finished.stderr,
        connections,
        notes,
    )


@dataclass(frozen=True, slots=True)
class Finished:
    timed_out: bool
    seconds: float
    exit_code: int | None
    stdout: str
    stderr: str


def audited_environment(audit_dir: Path) -> dict[str, str]:
    """The environment for a command: ours, with the audit hook's sitecustomize first."""
    (audit_dir / "sitecustomize.py").write_text(AUDIT_HOOK, encoding="utf-8")
    (audit_dir / "audit.log").touch()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(audit_dir), env.get("PYTHONPATH")) if p)
    env["REPRODUCER_AUDIT_LOG"] = str(audit_dir / "audit.log")
    env["REPRODUCER_ALLOWED"] = os.pathsep.join([str(ROOT / "src"), str(audit_dir)])
    return env


def _run(command: str, audit_dir: Path, timeout: float) -> Finished:
    start = time.monotonic()
    process = subprocess.Popen(
        ["bash", "-c", command],
        cwd=ROOT,
        env=audited_environment(audit_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        text=True,
        errors="replace",
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        return Finished(True, time.monotonic() - start, None, stdout, stderr)
    return Finished(False, time.monotonic() - start, process.returncode, stdout, stderr)


def summary(outcome: Outcome) -> str:
    """One line saying what the command printed: the end of stderr, else the start of stdout."""
    if outcome.failed or outcome.verdict == "error":
        tail = [line for line in outcome.stderr.splitlines() if line.strip()]
        if tail:
            return tail[-1].strip()[:160]
    shown = " ".join(outcome.stdout.split())
    return shown[:160]


def arguments() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    options.add_argument("--timeout", type=float, default=60.0, help="seconds per command")
    options.add_argument("--only", nargs="+", metavar="NAME", help="run only these reproducers")
    options.add_argument("--no-listeners", action="store_true", help="start no TCP listeners")
    options.add_argument("-v", "--verbose", action="store_true", help="print stderr of failures")
    return options


def main(argv: list[str] | None = None) -> int:
    args = arguments().parse_args(argv)
    try:
        reproducers = read_reproducers(args.file)
    except (OSError, ValueError) as error:
        print(f"run_reproducers: {error}", file=sys.stderr)
        return 2
    if args.only:
        unknown = set(args.only) - {r.name for r in reproducers}
        if unknown:
            print(f"run_reproducers: unknown names: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        reproducers = [r for r in reproducers if r.name in args.only]
    failures: list[str] = []
    width = max((len(r.name) for r in reproducers), default=4)
    for reproducer in reproducers:
        outcome = run_one(reproducer, timeout=args.timeout, listeners=not args.no_listeners)
        extra = f" [{'; '.join(outcome.notes)}]" if outcome.notes else ""
        print(
            f"{reproducer.name:<{width}}  {outcome.verdict:<20} {outcome.seconds:6.2f}s  "
            f"{summary(outcome)}{extra}",
            flush=True,
        )
        if outcome.failed:
            failures.append(reproducer.name)
            if args.verbose:
                print("    " + "\n    ".join(outcome.stderr.rstrip().splitlines()[-12:]))
    print(f"{len(reproducers) - len(failures)} of {len(reproducers)} behaved", end="")
    print(f"; failed: {', '.join(failures)}" if failures else "")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
