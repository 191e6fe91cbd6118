"""What a sample promises in its trailing comment, and checking that it keeps it.

Every program ends with one comment block, in the style of Go's testable
examples, which pages may include as the program's output::

    // Output:               these lines, exactly and in this order
    // Unordered output:     these lines, in any order (concurrent programs)
    // Serves: GET /health   a server: the request, then the expected status
    // 200 application/json  and content type, then the JSON body
    // {"message":"OK","status":200}

An ``// Args: --count 3 "two words"`` line may come first in that block: the
command-line arguments the program is run with (split as a shell would).
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import queue
import re
import shlex
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from tests.snippets_harness import (
    HTTP_TIMEOUT,
    SERVER_READY_TIMEOUT,
    SERVER_STOP_TIMEOUT,
    SnippetError,
    display_path,
    kill_group,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

Kind = Literal["output", "unordered", "serves"]
_MARKERS: dict[str, Kind] = {
    "// Output:": "output",
    "// Unordered output:": "unordered",
}
_ARGS = "// Args:"
_SERVES = re.compile(r"^// Serves: (?P<method>[A-Z]+) (?P<path>/\S*)$")
_STATUS = re.compile(r"^(?P<status>\d{3}) (?P<type>\S+)$")


@dataclass(frozen=True)
class Expected:
    """The trailing comment of one sample file, parsed."""

    kind: Kind
    lines: tuple[str, ...] = ()
    method: str = ""
    path: str = ""
    status: int = 0
    content_type: str = ""
    body: object = None
    args: tuple[str, ...] = ()


def _uncomment(line: str) -> str:
    return line[3:] if line.startswith("// ") else line[2:]


def read_expected(file: Path) -> Expected:
    """Parse the comment block that ends ``file``; raise if there is none."""
    lines = file.read_text(encoding="utf-8").rstrip().splitlines()
    start = len(lines)
    while start > 0 and lines[start - 1].startswith("//"):
        start -= 1
    block = lines[start:]
    args: tuple[str, ...] = ()
    for offset, line in enumerate(block):
        if line.startswith(_ARGS):
            args = _read_args(file, start + offset + 1, line)
            continue
        kind = _MARKERS.get(line.rstrip())
        if kind:
            body = tuple(_uncomment(x).rstrip() for x in block[offset + 1 :])
            return Expected(kind, _trim(body), args=args)
        if match := _SERVES.match(line.rstrip()):
            serves = _read_serves(file, start + offset + 1, match, block[offset + 1 :])
            return dataclasses.replace(serves, args=args)
    raise SnippetError(
        f"{display_path(file)}: the file must end with an '// Output:', "
        "'// Unordered output:' or '// Serves: METHOD /path' comment block "
        "(nothing but // lines after it); none found"
    )


def _read_args(file: Path, lineno: int, line: str) -> tuple[str, ...]:
    try:
        return tuple(shlex.split(line[len(_ARGS) :]))
    except ValueError as err:
        raise SnippetError(
            f"{display_path(file)}:{lineno}: '// Args:' cannot be split into "
            f"arguments ({err}); close the quote"
        ) from None


def _read_serves(
    file: Path, lineno: int, match: re.Match[str], rest: list[str]
) -> Expected:
    where = f"{display_path(file)}:{lineno}"
    status = _STATUS.match(_uncomment(rest[0]).strip()) if rest else None
    if status is None:
        raise SnippetError(
            f"{where}: after '// Serves: {match['method']} {match['path']}' put "
            "'// <status> <content type>', e.g. '// 200 application/json'"
        )
    text = "\n".join(_uncomment(x) for x in rest[1:])
    try:
        body = json.loads(text)
    except json.JSONDecodeError as err:
        raise SnippetError(
            f"{where}: the expected body is not JSON ({err}): {text!r}"
        ) from None
    return Expected(
        "serves",
        method=match["method"],
        path=match["path"],
        status=int(status["status"]),
        content_type=status["type"].lower(),
        body=body,
    )


def _trim(lines: tuple[str, ...]) -> tuple[str, ...]:
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    return lines[:end]


# -- comparing printed output --------------------------------------------------


def compare_output(file: Path, expected: Expected, stdout: str) -> None:
    """Raise unless ``stdout`` is what the comment promises (trailing spaces and
    blank lines at the end do not count, as in Go's example tests)."""
    actual = _trim(tuple(line.rstrip() for line in stdout.splitlines()))
    name = display_path(file)
    if expected.kind == "output" and actual != expected.lines:
        diff = difflib.unified_diff(
            expected.lines, actual, "// Output: comment", "program output", lineterm=""
        )
        raise SnippetError(
            f"{name}: the program's output differs from its '// Output:' comment:\n"
            + "\n".join(diff)
        )
    if expected.kind == "unordered":
        missing = Counter(expected.lines) - Counter(actual)
        extra = Counter(actual) - Counter(expected.lines)
        if missing or extra:
            raise SnippetError(
                f"{name}: the program's output differs from its "
                "'// Unordered output:' comment (order ignored).\n"
                f"  promised but not printed: {sorted(missing.elements())}\n"
                f"  printed but not promised: {sorted(extra.elements())}\n"
                f"Full output:\n{stdout}"
            )


# -- servers -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Lines:
    """Collect a process's output on a thread, so waiting for a line can time out."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(proc,), daemon=True)
        self._thread.start()

    def _pump(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            self.seen.append(line.rstrip("\n"))
            self._queue.put(line.strip())
        self._queue.put(None)

    def wait_for(self, wanted: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                return False
            if line is None:
                return False
            if line == wanted:
                return True
        return False

    def text(self) -> str:
        self._thread.join(timeout=2)
        return "\n".join(self.seen)


def check_server(
    file: Path,
    command: Sequence[str],
    expected: Expected,
    cwd: Path,
    *,
    ready_timeout: float = SERVER_READY_TIMEOUT,
) -> None:
    """Start the server on a free loopback port (``HOST``/``PORT``), send the
    promised request, check status, content type and JSON body, then stop it
    with SIGTERM and require a clean exit.  Nothing is left running, whatever
    fails."""
    name = display_path(file)
    port = free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "NO_COLOR": "1"}
    ready = f"listening on 127.0.0.1:{port}"
    proc = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output = _Lines(proc)
    try:
        if not output.wait_for(ready, ready_timeout):
            proc.poll()
            state = (
                "is still running"
                if proc.returncode is None
                else f"exited ({proc.returncode})"
            )
            raise SnippetError(
                f"{name}: the server never printed {ready!r} within "
                f"{ready_timeout:.0f}s and {state}. "
                f"Its output:\n{output.text()}"
            )
        _check_response(name, port, expected)
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=SERVER_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise SnippetError(
                f"{name}: the server did not stop within {SERVER_STOP_TIMEOUT:.0f}s "
                "of SIGTERM (what `docker stop` sends); handle the signal and shut "
                "down gracefully"
            ) from None
        if code != 0:
            raise SnippetError(
                f"{name}: the server exited with status {code} after SIGTERM, "
                f"expected a clean shutdown (0). Its output:\n{output.text()}"
            )
    finally:
        if proc.poll() is None:
            kill_group(proc)
            proc.wait(timeout=SERVER_STOP_TIMEOUT)
        output.text()
        if proc.stdout:
            proc.stdout.close()


def _check_response(name: str, port: int, expected: Expected) -> None:
    url = f"http://127.0.0.1:{port}{expected.path}"
    request = urllib.request.Request(url, method=expected.method)
    what = f"{expected.method} {expected.path}"
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            status = response.status
            content_type = response.headers.get_content_type()
            raw = response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        status, content_type = err.code, err.headers.get_content_type()
        raw = err.read().decode("utf-8", "replace")
    except OSError as err:
        raise SnippetError(f"{name}: {what} failed: {err}") from None
    problems = []
    if status != expected.status:
        problems.append(f"status {status}, expected {expected.status}")
    if content_type != expected.content_type:
        wanted = expected.content_type
        problems.append(f"Content-Type {content_type}, expected {wanted}")
    try:
        body = json.loads(raw)
    except json.JSONDecodeError:
        problems.append(f"body is not JSON: {raw!r}")
    else:
        if body != expected.body:
            problems.append(f"body {body!r}, expected {expected.body!r}")
    if problems:
        raise SnippetError(f"{name}: {what} answered wrongly: " + "; ".join(problems))
