"""Start child processes, watch them, and stop them all (with their descendants) on request."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass, field

import psutil

from queuecraft.backend.lifecycle import die_with_parent


def _child_setup() -> None:
    """In the child: a session of its own (Ctrl-C reaches only the launcher), and die with it."""
    os.setsid()
    die_with_parent(signal.SIGTERM)  # not Linux: the launcher's own shutdown still stops every child


MAX_RESTARTS = 5
RESTART_WINDOW_SECONDS = 60.0


@dataclass
class Child:
    name: str
    argv: list[str]
    env: dict[str, str]
    cwd: str
    process: subprocess.Popen
    stop_signal: int
    stop_timeout: float
    known_descendants: set[psutil.Process] = field(default_factory=set)
    restarts: list[float] = field(default_factory=list)

    def remember_descendants(self) -> None:
        try:
            self.known_descendants |= set(psutil.Process(self.process.pid).children(recursive=True))
        except psutil.NoSuchProcess:
            pass


class Supervisor:
    def __init__(self) -> None:
        self.children: list[Child] = []

    def start(self, name: str, argv: list[str], *, env: dict[str, str], cwd: str,
              stop_signal: int = signal.SIGTERM, stop_timeout: float = 10.0) -> Child:
        process = subprocess.Popen(argv, env=env, cwd=cwd, preexec_fn=_child_setup)
        child = Child(name, argv, env, cwd, process, stop_signal, stop_timeout)
        self.children.append(child)
        return child

    def restart_crashed(self) -> Child | None:
        """Restart children that died; return one that keeps crashing (the caller gives up)."""
        for child in self.children:
            child.remember_descendants()
            if child.process.poll() is None:
                continue
            now = time.monotonic()
            child.restarts = [t for t in child.restarts if now - t < RESTART_WINDOW_SECONDS] + [now]
            if len(child.restarts) > MAX_RESTARTS:
                return child
            print(f"queuecraft: {child.name} exited with code {child.process.returncode}; restarting it", flush=True)
            _kill_tree(child)
            child.process = subprocess.Popen(child.argv, env=child.env, cwd=child.cwd, preexec_fn=_child_setup)
        return None

    def stop_all(self) -> None:
        """Stop children in reverse start order: politely first, then SIGKILL what is left."""
        for child in reversed(self.children):
            child.remember_descendants()
            if child.process.poll() is None:
                child.process.send_signal(child.stop_signal)
                try:
                    child.process.wait(timeout=child.stop_timeout)
                except subprocess.TimeoutExpired:
                    print(f"queuecraft: {child.name} did not stop in {child.stop_timeout:.0f}s; killing it", flush=True)
            _kill_tree(child)


def _kill_tree(child: Child) -> None:
    leftovers = [p for p in child.known_descendants if p.is_running()]
    try:
        leftovers += psutil.Process(child.process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        pass
    for proc in leftovers:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    if child.process.poll() is None:
        child.process.kill()
    child.process.wait()
    psutil.wait_procs(leftovers, timeout=5)


def wait_until(check, *, timeout: float, interval: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return False
