"""One root error for everything a user can fix; the CLI turns it into one line and exit code 2."""

from __future__ import annotations


class AudiobookError(Exception):
    """A problem the user can act on. ``str(err)`` is the whole message shown to them, on one
    line (a library's multi-line message inside it is joined)."""

    exit_code = 2

    def __init__(self, message: str = "", *args: object) -> None:
        super().__init__(one_line(message), *args)


class ConfigError(AudiobookError):
    """A book.yaml or voice profile that is missing, malformed or inconsistent."""


class ManuscriptError(AudiobookError):
    """A manuscript file that cannot be read or parsed."""


class EngineError(AudiobookError):
    """An engine or model that is not installed, not found, or failed."""


class SynthesisError(EngineError):
    """One line failed to synthesize: the build stops (finished lines are kept), the workers are
    fine and can be used again (``--watch`` keeps its warm pool)."""


class WorkersLost(EngineError):
    """The synthesis workers are gone: a worker process died, or the synthesis server stopped. The
    build stops (finished lines are kept); a pool that raised this is not used again."""


class OutputError(AudiobookError):
    """The output folder cannot be written (permissions, disk full)."""


class Problems(AudiobookError):
    """Several problems found at once by validation; each is its own line."""

    def __init__(self, problems: list[str] | str) -> None:
        if isinstance(problems, str):       # unpickled in another process: the joined lines
            problems = problems.splitlines()
        self.problems = [one_line(p) for p in problems]
        Exception.__init__(self, "\n".join(self.problems))


class ConfigProblems(Problems, ConfigError):
    """Several mistakes in one config file (book.yaml, a voice profile), reported together."""


def write_failed(where: object, err: OSError | int) -> OutputError:
    """The one message for a file that could not be written: what happened, what to do, and that
    nothing finished is lost (files are only ever replaced whole)."""
    import errno
    import os

    code = err if isinstance(err, int) else (err.errno or 0)
    why = os.strerror(code) if isinstance(err, int) or not err.strerror else err.strerror
    if code in (errno.ENOSPC, errno.EDQUOT):
        todo = "the disk is full; free some space"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        todo = "fix the folder's permissions"
    else:
        todo = "check the disk and the folder's permissions"
    return OutputError(f"{where}: cannot write ({why}): {todo}, then build again; finished work is kept")


def one_line(message: object) -> str:
    return " ".join(str(message).split())


def did_you_mean(key: str, choices: list[str] | tuple[str, ...]) -> str:
    """' (did you mean "x"?)' for the closest of ``choices``, or ''."""
    import difflib

    close = difflib.get_close_matches(key, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""
