"""The `readouts` executable: answers --version before loading Typer and the commands, and is
the last line of the one error path: a closed pipe, an output that cannot be written and an
unexpected failure each end in one line on stderr and an exit code, never a traceback (unless
--debug asks for it).
"""

from __future__ import annotations

import gc
import os
import sys

BUG_HINT = (
    "hint: this is a bug in readouts: please report it with the command you ran; "
    "run it again with --debug to see where it failed"
)
# As a program killed by SIGPIPE exits in the shell (128 + 13): the reader went away.
CLOSED_PIPE = 141


def main() -> None:
    # A command lives for a moment and makes many objects that last as long as it does (rows,
    # items) but few cycles: the collector runs a tenth as often, and once the app is loaded
    # it no longer walks what loading made.
    gc.set_threshold(50_000, 20, 100)
    if sys.argv[1:] == ["--version"]:
        from .. import __version__

        sys.stdout.write(f"readouts {__version__}\n")
        return
    debug = "--debug" in sys.argv[1:]
    try:
        from .app import app, invoked, only

        gc.freeze()

        # Completion asks the whole app what there is.
        completing = any(key.startswith("_READOUTS_COMPLETE") for key in os.environ)
        with only(None if completing else invoked(sys.argv[1:])):
            app(prog_name="readouts")
        code: int | str | None = 0
    except SystemExit as exit:
        code = exit.code
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = CLOSED_PIPE
    except Exception as err:  # the catch-all of the one error path
        if debug:
            raise
        sys.stderr.write(f"error: unexpected {type(err).__name__}: {err}\n{BUG_HINT}\n")
        code = 1
    sys.exit(finish(code))


def finish(code: int | str | None) -> int | str | None:
    """Flush what the command wrote; a reader that went away, or an output that cannot take
    it (a full disk, /dev/full), is said once, with the same code for every format."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = CLOSED_PIPE
    except OSError as err:
        sys.stderr.write(
            f"error: cannot write the output: {(err.strerror or err).__str__().lower()}\n"
        )
        code = 1
    else:
        return code
    # Nothing more may reach the broken output, not even at interpreter exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return code
