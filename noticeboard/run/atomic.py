"""The output folder's own files: atomic writes, their temporary files, and the run lock.

Temporary files are named `.<name>.nbtmp-<pid>-<random>.tmp`; only those whose writer
has gone are ever cleaned up, so a clerk's `.草稿.tmp` or a sync tool's files are safe.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import sys
from pathlib import Path

from noticeboard.errors import NoticeboardError, display_path, error, os_reason

POSTER_FILE_MODE = 0o666  # less the umask, as for any file a program creates
TEMP_NAME_BYTES = 120  # of the target's name kept in its temporary file's name


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new file beside the target, created with `POSTER_FILE_MODE` (the kernel applies
    the umask; `mkstemp` would make it private to the user, and reading the umask means
    changing it process-wide for a moment)."""
    # A name of 240 bytes (80 Chinese characters) is a valid poster name, but with the
    # temporary file's 30 more bytes it would pass the file system's 255: shorten it here.
    short = name.encode("utf-8")[:TEMP_NAME_BYTES].decode("utf-8", "ignore") or "_"
    for _ in range(100):
        # `.nbtmp-<pid>-`: batch.remove_stale_temp_files removes only these, once <pid> has gone
        temp = folder / f".{short}.nbtmp-{os.getpid()}-{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                           POSTER_FILE_MODE), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def write_atomic(target: Path, data: bytes) -> None:
    """Write via a temporary file and rename: readers see the old file or the new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = _create_temp(target.parent, target.name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


LOCK_FILE = ".noticeboard.lock"


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, someone else's; Windows: see os.kill
        return True
    return True


# write_atomic's temporary files: `.<name>.nbtmp-<pid>-<random>.tmp`. Nothing else
# (a clerk's `.草稿.tmp`, a sync tool's temp files) is ever touched.
TEMP_FILE = re.compile(r"\..+\.nbtmp-([0-9]+)-[^./\\]*\.tmp")


def remove_stale_temp_files(out_dir: Path) -> None:
    """Temporary files left by a render that was killed mid-write, and only those.

    A file whose writer is still running (another render's worker, this run's own)
    is left alone; its pid is in its name.
    """
    if not out_dir.is_dir():
        return
    for temp in out_dir.rglob("*.tmp"):
        match = TEMP_FILE.fullmatch(temp.name)
        if match and not process_alive(int(match[1])) and not temp.is_symlink():
            temp.unlink(missing_ok=True)


class OutputLock:
    """One render at a time per output folder; the second refuses, naming the first.

    An OS lock (flock / msvcrt) is released by the system when its holder dies,
    even by SIGKILL, so a killed run never leaves the folder locked.
    """

    def __init__(self, out_dir: Path):
        self.path = out_dir / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Never through a symlink: the lock file is truncated, and a link planted in an
            # output folder that came inside a township's folder could point at any file.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except OSError as exc:
            code = "output_lock_not_file" if self.path.is_symlink() else "write_failed"
            raise NoticeboardError([error(code, location=display_path(self.path),
                                          reason=os_reason(exc))]) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO or device put in its place
            os.close(fd)
            raise NoticeboardError([error("output_lock_not_file", location=display_path(self.path),
                                          reason="")])
        if not _try_lock(fd):
            holder = _read_pid(fd)
            os.close(fd)
            raise NoticeboardError([error(
                "output_locked", folder=display_path(self.path.parent), pid=holder or "?")])
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock; the file stays (harmless)
            self._fd = None


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read_pid(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() if hasattr(os, "pread") \
            else ""
    except OSError:
        return ""
