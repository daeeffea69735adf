"""A throwaway copy of the project, and the real strict MkDocs build run on it in-process.

In-process, because every check an editor can trip runs in the plugin's ``on_pre_build``
and fails in well under a second, where a subprocess would pay for starting Python and
importing MkDocs and Material each time. ``python -m botb.build`` itself (the atomic
wrapper) is exercised end to end in ``test_atomic_build``.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("mkdocs.yml", "content", "guide", "overrides")


def copy_project(target: Path) -> Path:
    """The files the build reads, copied under ``target`` (which must not exist yet)."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


@dataclass(frozen=True)
class BuildOutcome:
    ok: bool
    messages: list[str]  # every warning and error MkDocs logged, one entry per record

    @property
    def lines(self) -> list[str]:
        return [line for message in self.messages for line in message.splitlines()]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_in_process(project: Path, *, site_dir: Path) -> BuildOutcome:
    """``mkdocs build --strict`` on ``project``; never raises for a failed build."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
        build(config)
    except (Abort, BuildError) as error:
        collect.messages.append(str(error))
        return BuildOutcome(ok=False, messages=collect.messages)
    finally:
        logger.removeHandler(collect)
    return BuildOutcome(ok=not collect.messages, messages=collect.messages)
