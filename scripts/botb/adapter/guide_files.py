"""Compile the guide for MkDocs and add its generated pages as virtual files. (ENGINE owner)

The engine (``botb.guide.compile``) does the work; this module only reads paths from the
MkDocs config, gathers the docs pages and bibliography keys it needs, and hands the
rendered Markdown and JSON to MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from botb.content.bibliography import Bibliography, load_bibliography
from botb.content.references import REFERENCES_PAGE, anchor_for
from botb.diagnostics import DiagnosticError, display_path
from botb.guide import compile as engine
from botb.guide.urls import JSON_FILE

CompiledGuide = engine.CompiledGuide


def _project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()


def _bibliography(path: Path, *, root: Path) -> Bibliography | None:
    try:
        return load_bibliography(path, display=display_path(path, root=root))
    except DiagnosticError:
        # The content checks report bibliography problems with every position; the guide
        # then skips its source check rather than repeating them.
        return None


def source_links(bibliography: Bibliography) -> dict[str, tuple[str, str | None]]:
    return {
        key: (f"{entry.title} ({entry.year})", f"{REFERENCES_PAGE}#{anchor_for(key)}")
        for key, entry in bibliography.entries.items()
    }


def compile_guide(*, config: MkDocsConfig, options: Any) -> CompiledGuide | None:
    """The checked, rendered guide, or None while the guide folder has no YAML."""
    root = _project_root(config)
    docs_dir = Path(config.docs_dir)
    markdown = engine.docs_markdown(docs_dir)
    bibliography = _bibliography(docs_dir / options.bibliography, root=root)
    return engine.compile_guide(
        guide_dir=root / options.guide_dir,
        root=root,
        docs_pages=frozenset(markdown),
        docs_markdown=markdown,
        source_keys=bibliography.keys if bibliography else None,
        source_links=source_links(bibliography) if bibliography else None,
        site_url=config.site_url or "",
    )


def add_guide_files(*, files: Files, config: MkDocsConfig, guide: CompiledGuide) -> Files:
    generated = {**guide.pages, JSON_FILE: guide.json_text}
    for src_uri, content in generated.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    return files
