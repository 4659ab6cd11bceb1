"""Running work off the GUI thread (index rebuilds, imports, exports, sign-ins, writes).

The work is a plain function from ``app/`` taking a progress callback that returns
False to cancel; results come back to the GUI thread through queued signals.

Signals of ``Job``:
    progress_changed(int, int): done, total.
    finished(object): the work's result.
    failed(str): the error message if it raised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Job(QObject):
    progress_changed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[Callable[[int, int], bool]], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        self.progress_changed.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as error:  # noqa: BLE001 (reported to the seat, not swallowed)
            self.failed.emit(str(error) or type(error).__name__)
        else:
            self.finished.emit(result)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job.run()


class Receiver(QObject):
    """Calls back into a widget only while the widget lives: parented to it, it dies with
    it, and Qt drops its connections (a lambda connected directly would outlive it)."""

    def __init__(self, parent: QObject, done: Callable[[Any], None] | None,
                 failed: Callable[[str], None] | None) -> None:
        super().__init__(parent)
        self._done, self._failed = done, failed

    def drop(self) -> None:
        """The desk is closing its database: the work's result, still on its way, must
        reach nothing that would read it."""
        self._done = self._failed = None

    @Slot(object)
    def deliver(self, result: object) -> None:
        if self._done is not None:
            self._done(result)
        self.deleteLater()

    @Slot(str)
    def fail(self, message: str) -> None:
        if self._failed is not None:
            self._failed(message)
        self.deleteLater()


_running: set[Job] = set()  # keeps each job's QObject alive until it reports


def busy() -> bool:
    """True while a job has not reported back yet."""
    return bool(_running)


def wait_for_jobs(msecs: int = 10_000) -> None:
    """Let running jobs end (at quit: before the desk closes the store under them)."""
    QThreadPool.globalInstance().waitForDone(msecs)


def start(work: Callable[[Callable[[int, int], bool]], Any], owner: QObject,
          done: Callable[[Any], None] | None = None,
          failed: Callable[[str], None] | None = None) -> Job:
    """Run ``work(progress)`` on the global thread pool; ``done(result)`` or
    ``failed(message)`` run on the GUI thread, unless ``owner`` is gone by then."""
    job = Job(work)
    receiver = Receiver(owner, done, failed)
    job.finished.connect(receiver.deliver)
    job.failed.connect(receiver.fail)
    _running.add(job)
    job.finished.connect(lambda _result: _running.discard(job))
    job.failed.connect(lambda _message: _running.discard(job))
    QThreadPool.globalInstance().start(_Runnable(job))
    return job
