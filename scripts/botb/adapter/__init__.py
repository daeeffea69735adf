"""The thin MkDocs adapter: the only package that imports MkDocs.

``plugin`` wires MkDocs events to five modules, one job each: ``guide_files`` (compile the
guide and add its generated pages), ``content_pages`` (front matter checks, references,
approach tables), ``security`` (Content-Security-Policy and referrer policy per page),
``shared_nav`` (navigation HTML rendered once and reused by the pages it fits) and
``template_cache`` (compiled theme templates kept in ``.cache/`` between builds).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def project_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: the guide, the bibliography and error paths are relative to it."""
    return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
