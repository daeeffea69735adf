"""The MkDocs configurations the benchmark builds: real, stock baseline and synthetic."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[3]
REAL_CONFIG = ROOT / "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: ``!ENV [NAME, default]`` becomes its default."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    return None


_TolerantLoader.add_constructor("!ENV", _env)


def read_config(path: Path = REAL_CONFIG) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not a mapping")
    return data


def _without_guide(nav: Any) -> Any:
    """The nav with every entry that points into the generated guide removed."""
    if isinstance(nav, list):
        kept = [_without_guide(item) for item in nav]
        return [item for item in kept if item not in (None, [], {})]
    if isinstance(nav, dict):
        kept_map = {key: _without_guide(value) for key, value in nav.items()}
        return {k: v for k, v in kept_map.items() if v not in (None, [], {})}
    if isinstance(nav, str) and nav.startswith("guide/"):
        return None
    return nav


def baseline_config(*, real: dict[str, Any], docs_dir: Path, site_url: str) -> dict[str, Any]:
    """Stock Material over the same Markdown: no overrides, no botb plugin, no extra assets.

    ``font: false`` keeps the build offline (Material's default loads Google Fonts). Links
    into the generated guide cannot resolve without the engine, so the baseline logs them
    at info level instead of failing its strict build.
    """
    return {
        "site_name": real.get("site_name", "Baseline"),
        "site_description": real.get("site_description", ""),
        "site_url": site_url,
        "docs_dir": str(docs_dir),
        "strict": True,
        "theme": {"name": "material", "font": False, "language": "en"},
        "plugins": ["search"],
        "exclude_docs": real.get("exclude_docs", ""),
        "markdown_extensions": real.get("markdown_extensions", []),
        "nav": _without_guide(real.get("nav", [])),
        "validation": {
            "omitted_files": "warn",
            "not_found": "info",
            "absolute_links": "warn",
            "unrecognized_links": "info",
            "anchors": "info",
        },
    }


def copy_baseline_docs(*, source: Path, target: Path) -> None:
    """content/ minus anything under guide/ (the engine generates those pages)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("guide"))


def project_config(
    *, real: dict[str, Any], docs_dir: Path, guide_dir: Path, nav: list[object], site_url: str
) -> dict[str, Any]:
    """The project's theme, extensions, assets and plugins over other docs and another guide."""
    theme = dict(real["theme"])
    theme["custom_dir"] = str(ROOT / str(theme.get("custom_dir", "overrides")))
    plugins: list[Any] = []
    for plugin in real.get("plugins", []):
        if isinstance(plugin, dict) and "botb" in plugin:
            options = dict(plugin["botb"] or {})
            options["guide_dir"] = str(guide_dir)
            plugins.append({"botb": options})
        else:
            plugins.append(plugin)
    config = {key: value for key, value in real.items() if key not in ("edit_uri", "repo_url")}
    config.update(
        {
            "site_url": site_url,
            "docs_dir": str(docs_dir),
            "theme": theme,
            "plugins": plugins,
            "nav": nav,
        }
    )
    return config


def write_config(config: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_files(files: dict[str, str], root: Path) -> None:
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
