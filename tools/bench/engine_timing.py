"""``python -m tools.bench.engine_timing CONFIG SITE_DIR``: one strict build, engine timed.

Wraps the adapter's two engine entry points (``compile_guide`` and ``add_guide_files``)
with a stopwatch and runs MkDocs' build in this process. The wrappers call the originals
unchanged, so the build is the same; only time is added up. Prints one JSON line.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def _stopwatch(function: F, spent: list[float]) -> F:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)

    return timed  # type: ignore[return-value]


def main(argv: list[str]) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from botb.adapter import guide_files

    config_file, site_dir = argv
    spent: list[float] = []
    guide_files.compile_guide = _stopwatch(guide_files.compile_guide, spent)
    guide_files.add_guide_files = _stopwatch(guide_files.add_guide_files, spent)
    started = time.perf_counter()
    config = load_config(config_file=config_file, site_dir=site_dir, strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    total = time.perf_counter() - started
    print(json.dumps({"build_seconds": total, "engine_seconds": sum(spent)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
