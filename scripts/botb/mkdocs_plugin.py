"""The thin MkDocs adapter: the only module that imports MkDocs.

It validates the guide and the content before MkDocs cleans the site directory (so a broken
edit under ``mkdocs serve`` keeps the last good build), adds the generated guide pages as
virtual files, and turns every engine ``DiagnosticError`` into a ``PluginError``.
"""

from __future__ import annotations

import logging

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

log = logging.getLogger("mkdocs.plugins.botb")


class BackOnTheBikeConfig(Config):
    guide_dir = c.Type(str, default="guide")
    bibliography = c.Type(str, default="_data/bibliography.yml")


class BackOnTheBikePlugin(BasePlugin[BackOnTheBikeConfig]):
    """Guide pages, content checks and references for Back on the Bike."""
