"""The MkDocs configurations the benchmark builds: real, stock baseline and synthetic."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
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


def baseline_config(*, real: dict[str, Any], docs_dir: Path, site_url: str) -> dict[str, Any]:
    """Stock Material over the same Markdown: no overrides, no botb plugin, no extra assets.

    The theme features stay: ``navigation.prune`` decides how much navigation every page
    renders, on both sides alike.

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
        "theme": {
            "name": "material",
            "font": False,
            "language": "en",
            "features": list(real.get("theme", {}).get("features", [])),
        },
        "plugins": ["search"],
        "exclude_docs": real.get("exclude_docs", ""),
        "markdown_extensions": real.get("markdown_extensions", []),
        "nav": real.get("nav", []),
        "not_in_nav": real.get("not_in_nav", ""),
        "validation": {
            "omitted_files": "warn",
            "not_found": "info",
            "absolute_links": "warn",
            "unrecognized_links": "info",
            "anchors": "info",
        },
    }


def copy_baseline_docs(*, source: Path, target: Path, pages: dict[str, str]) -> None:
    """The docs folder with every page replaced by the Markdown MkDocs is handed for it."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("guide", "*.md"))
    write_files(pages, target)


def final_pages(config_file: Path = REAL_CONFIG) -> dict[str, str]:
    """Every page of a build as the Markdown MkDocs converts (docs-relative path -> text).

    The project's plugins add the guide's pages and, on content pages, the evidence and
    reference sections; stock Material is timed over that same final Markdown, so the
    ratio measures what the project adds to a build, not how much Markdown it writes.
    Taken from the plugins themselves, once, outside any timed build.
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(get_files(config), config=config)
    pages: dict[str, str] = {}
    for file in files.documentation_pages():
        page = Page(None, file, config)
        page.read_source(config)
        # Front matter as written: the plugin turns title and description into Markup,
        # which is the templates' business, not the Markdown's.
        written = {key: page.meta[key] for key in ("title", "description") if key in page.meta}
        markdown = config.plugins.on_page_markdown(
            page.markdown or "", page=page, config=config, files=files
        )
        meta = {**page.meta, **written}
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) if meta else ""
        pages[file.src_uri] = f"---\n{front}---\n\n{markdown}" if front else markdown
    return pages


def project_config(
    *,
    real: dict[str, Any],
    docs_dir: Path,
    guide_dir: Path,
    nav: list[object],
    site_url: str,
    path_cap: int = 1_000_000,
) -> dict[str, Any]:
    """The project's theme, extensions, assets and plugins over other docs and another guide."""
    theme = dict(real["theme"])
    theme["custom_dir"] = str(ROOT / str(theme.get("custom_dir", "overrides")))
    plugins: list[Any] = []
    for plugin in real.get("plugins", []):
        if isinstance(plugin, dict) and "botb" in plugin:
            options = dict(plugin["botb"] or {})
            options["guide_dir"] = str(guide_dir)
            # A synthetic tree of 10,000 nodes has about as many paths: its build writes
            # every one into the path book rather than stopping at the review limit.
            options["path_cap"] = path_cap
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
