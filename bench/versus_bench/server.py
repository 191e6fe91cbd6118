"""One of the guide's /health servers, pinned to a core, on loopback."""

from __future__ import annotations

import contextlib
import os
import re
import selectors
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from versus_bench.tools import Cpus, Language, MeasureError, tool_env

SERVER_READY_TIMEOUT = 30.0
SERVER_STOP_TIMEOUT = 15.0
REQUEST = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running server; ``gctrace`` turns on the Go runtime's GC trace on
    stderr (read back with :meth:`stderr`)."""

    language: Language
    binary: Path
    cpus: Cpus
    gctrace: bool = False
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[str] | None = None
    errors: IO[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/health"

    def start(self) -> None:
        self.errors = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed in __exit__
        extra = {"HOST": "127.0.0.1", "PORT": str(self.port)}
        if self.gctrace:
            extra["GODEBUG"] = "gctrace=1"
        # taskset execs the server, so proc.pid is the server's own pid.
        self.proc = subprocess.Popen(
            self.cpus.pin(self.cpus.server, [self.binary]),
            env=tool_env(extra),
            stdout=subprocess.PIPE,
            stderr=self.errors,
            stdin=subprocess.DEVNULL,
            text=True,
            process_group=0,
        )

    def __enter__(self) -> Server:
        self.start()
        try:
            self._wait_ready()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_ready(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        expected = f"listening on 127.0.0.1:{self.port}"
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if sel.select(SERVER_READY_TIMEOUT):
                line = self.proc.stdout.readline().strip()
                if line == expected:
                    return
                raise MeasureError(
                    f"{self.language} server printed {line!r}, want {expected!r}"
                    + self._tail()
                )
        raise MeasureError(
            f"{self.language} server not ready in {SERVER_READY_TIMEOUT:.0f} s"
            + self._tail()
        )

    def stderr(self) -> str:
        if self.errors is None:
            return ""
        self.errors.flush()
        self.errors.seek(0)
        return self.errors.read()

    def _tail(self) -> str:
        text = self.stderr().strip()
        return f"\n{text[-2000:]}" if text else ""

    def memory(self) -> dict[str, int]:
        """Rss, Pss and Anonymous (private anonymous pages: heap, stacks)
        from /proc/<pid>/smaps_rollup, in bytes."""
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise MeasureError(f"{self.language} server exited" + self._tail())
        rollup = Path(f"/proc/{self.proc.pid}/smaps_rollup").read_text()
        found = dict(re.findall(r"^(Rss|Pss|Anonymous):\s+(\d+) kB$", rollup, re.M))
        if set(found) != {"Rss", "Pss", "Anonymous"}:
            raise MeasureError(f"unexpected smaps_rollup:\n{rollup}")
        return {key: int(kib) * 1024 for key, kib in found.items()}

    def __exit__(self, *_exc: object) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(SERVER_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
            if self.proc.stdout is not None:
                self.proc.stdout.close()
        if self.errors is not None:
            self.errors.close()
            self.errors = None


def first_response_seconds(server: Server) -> float:
    """Seconds from starting the process to the first complete 200 answer
    to GET /health (connection attempts every 0.2 ms until one succeeds)."""
    started = time.perf_counter()
    server.start()
    deadline = started + SERVER_READY_TIMEOUT
    while time.perf_counter() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
                s.sendall(REQUEST)
                answer = b""
                while chunk := s.recv(4096):
                    answer += chunk
        except OSError:
            time.sleep(0.0002)
            continue
        if answer.startswith(b"HTTP/1.1 200"):
            return time.perf_counter() - started
        raise MeasureError(f"{server.language} server answered {answer[:200]!r}")
    raise MeasureError(f"{server.language} server never answered")
