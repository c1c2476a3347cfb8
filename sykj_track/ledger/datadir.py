"""Where the data lives: --data DIR > $SYKJ_TRACK_DATA > the nearest directory holding targets/ >
the copy of targets/ and seeds/ bundled inside the installed package."""

from __future__ import annotations

import os
from pathlib import Path

from ..i18n import Msg, msg

ENV_VAR = "SYKJ_TRACK_DATA"


class DataDirError(Exception):
    """No usable data directory; `what` says why as a message of the catalogue (sykj_track.i18n),
    str() in English."""

    def __init__(self, what: Msg):
        super().__init__(what.text("en"))
        self.what = what


def bundled_data_dir() -> Path | None:
    """The data shipped with the package, or the source checkout the package runs from."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "data", package.parent):
        if (candidate / "targets").is_dir():
            return candidate
    return None


def is_installed_copy(root: Path) -> bool:
    """True for the copy of the data installed inside the package: read it, never write to it (a
    reinstall would lose the change, and a broken file there breaks the tool from every directory)."""
    return root.resolve() == (Path(__file__).resolve().parent.parent / "data").resolve()


def find_data_dir(explicit: str | os.PathLike[str] | None = None, cwd: Path | None = None,
                  environ: dict[str, str] | None = None) -> Path:
    """Resolve the data directory by the rules above; raise DataDirError with a fix when none fits."""
    environ = dict(os.environ) if environ is None else environ
    for origin, value in (("--data", explicit), (ENV_VAR, environ.get(ENV_VAR))):
        if value:
            path = Path(value).expanduser()
            if not (path / "targets").is_dir():
                raise DataDirError(msg("data.no_targets", origin=origin, value=value))
            return path.resolve()
    here = (cwd or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / "targets").is_dir() and (directory / "targets" / "metrics.toml").is_file():
            return directory
    bundled = bundled_data_dir()
    if bundled is None:
        raise DataDirError(msg("data.none", var=ENV_VAR))
    return bundled
