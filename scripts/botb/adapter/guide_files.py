"""Compile the guide for MkDocs and add its generated pages as virtual files. (ENGINE owner)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


@dataclass(frozen=True)
class CompiledGuide:
    """Placeholder until the engine lands: the checked guide and its rendered pages."""


def compile_guide(*, config: MkDocsConfig, options: Any) -> CompiledGuide | None:
    return None


def add_guide_files(*, files: Files, config: MkDocsConfig, guide: CompiledGuide) -> Files:
    return files
