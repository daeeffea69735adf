"""Compile the guide for MkDocs and add its generated pages as virtual files.

The engine (``botb.guide.compile``) does the work; this module only reads paths from the
MkDocs config, gathers the docs pages the engine needs (the bibliography and page titles are
handed in, read once by the content checks) and hands the rendered Markdown and JSON to
MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

import markdown  # type: ignore[import-untyped]  # mkdocs depends on it; no stubs pinned
from botb.adapter import project_root
from botb.content.bibliography import Bibliography
from botb.content.decision_aid import OutcomeAid
from botb.content.references import REFERENCES_PAGE, anchor_for
from botb.guide import compile as engine
from botb.guide.model import Guide, Urgency
from botb.guide.render_pages import sign_list
from botb.guide.urls import JSON_FILE, PATH_BOOK_FILE

CompiledGuide = engine.CompiledGuide


def source_links(bibliography: Bibliography) -> dict[str, tuple[str, str | None]]:
    return {
        key: (f"{entry.title} ({entry.year})", f"{REFERENCES_PAGE}#{anchor_for(key)}")
        for key, entry in bibliography.entries.items()
    }


def compile_guide(
    *,
    config: MkDocsConfig,
    options: Any,
    bibliography: Bibliography | None,
    page_titles: Mapping[str, str] | None,
    aid: OutcomeAid | None = None,
) -> CompiledGuide | None:
    """The checked, rendered guide, or None while the guide folder has no YAML.

    ``bibliography`` is None when it has problems: the content checks report them with every
    position, and the guide then skips its source check rather than repeating them.
    ``page_titles`` come from the content checks (None when they failed: the engine then
    reads them from the pages itself).
    """
    root = project_root(config)
    markdown = engine.docs_markdown(Path(config.docs_dir))
    return engine.compile_guide(
        guide_dir=root / options.guide_dir,
        root=root,
        docs_pages=frozenset(markdown),
        docs_markdown=markdown,
        source_keys=bibliography.keys if bibliography else None,
        source_links=source_links(bibliography) if bibliography else None,
        site_url=config.site_url or "",
        page_titles=page_titles,
        aid=aid,
        cap=options.path_cap,
    )


def add_guide_files(*, files: Files, config: MkDocsConfig, guide: CompiledGuide) -> Files:
    generated = {**guide.pages, JSON_FILE: guide.json_text, PATH_BOOK_FILE: guide.path_book}
    for src_uri, content in generated.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    return files


def emergency_signs(guide: Guide, *, config: MkDocsConfig) -> str:
    """The emergency tier of the sign registry as HTML, for templates that are not Markdown
    (404.html): the same Markdown as on the pages, through the site's own extensions, so
    the words, the tier's action and its tel: links are the pages' own."""
    renderer = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    lines = [f"**{guide.meta.signs_intro}**", "", *sign_list(guide, Urgency.EMERGENCY)]
    return str(renderer.convert("\n".join(lines)))
