"""MkDocs plugin ``botb``: event wiring only; the work lives in the sibling modules."""

from __future__ import annotations

import logging
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from botb.adapter import content_pages, guide_files, project_root, security, shared_nav
from botb.adapter.template_cache import cache_templates
from botb.diagnostics import Diagnostic, DiagnosticError
from botb.guide.paths import DEFAULT_CAP
from botb.guide.sign_pages import render_markers
from botb.guide.urls import node_src, site_url

log = logging.getLogger("mkdocs.plugins.botb")
# Outside the "mkdocs" logger tree on purpose: MkDocs' strict-mode counter listens there, and
# a preview that keeps the last good guide must report the problems without aborting.
preview_log = logging.getLogger("botb.preview")

OUTCOME_PAGES = "guide/o/"


class BackOnTheBikeConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
    guide_dir = c.Type(str, default="guide")
    bibliography = c.Type(str, default="_data/bibliography.yml")
    # The most answer paths the path book lists (as `botb-guide paths --cap`); a guide with
    # more fails the build, so every path stays one a reviewer can read.
    path_cap = c.Type(int, default=DEFAULT_CAP)


class BackOnTheBikePlugin(BasePlugin[BackOnTheBikeConfig]):  # type: ignore[no-untyped-call]
    """Guide pages, content checks, references and page hardening for Back on the Bike."""

    def __init__(self) -> None:
        self.guide: guide_files.CompiledGuide | None = None
        self.content: content_pages.ContentState | None = None
        self.serving = False
        self.shared_nav: shared_nav.SharedNav | None = None
        # The plugin object lives for the whole `mkdocs serve` session (it has on_startup).
        self.last_good: (
            tuple[guide_files.CompiledGuide | None, content_pages.ContentState | None] | None
        ) = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` injects a live-reload inline script after the build; the CSP must
        # allow it there (and only there).
        self.serving = command == "serve"

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Everything that can fail on an editor's input runs here, before MkDocs cleans
        # site_dir, so `mkdocs serve` keeps serving the last good build after a bad edit.
        # Guide and content problems are reported together, so one build shows an editor
        # every page and node to fix.
        guide_problems: list[Diagnostic] = []
        content_problems: list[Diagnostic] = []
        self.guide = self.content = None
        # The bibliography and each page's front matter are read once, by the content checks;
        # the guide takes their results rather than parsing the same files again.
        loaded = content_pages.read_bibliography(config=config, options=self.config)
        content = None
        try:
            content = content_pages.load_content(
                config=config, loaded=loaded, today=content_pages.review_date()
            )
        except DiagnosticError as error:
            content_problems += error.diagnostics
        try:
            self.guide = guide_files.compile_guide(
                config=config,
                options=self.config,
                bibliography=loaded.bibliography,
                page_titles=content.titles() if content is not None else None,
                aid=content.outcome_aid() if content is not None else None,
            )
        except DiagnosticError as error:
            guide_problems += error.diagnostics
        if content is not None:
            self.content = content_pages.content_state(content, guide=self.guide)
        problems = guide_problems + content_problems  # guide first, as editors are used to
        if not problems:
            self.last_good = (self.guide, self.content)
            return
        report = DiagnosticError(problems).format()
        if not self.serving or self.last_good is None:
            raise PluginError(report)
        # MkDocs' dev server holds every request while a rebuild is failing; previewing with the
        # last good guide and checks keeps the site answering while the editor fixes the file.
        preview_log.error("%s\nPreviewing the last good guide until this is fixed.", report)
        self.guide, self.content = self.last_good

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.guide is None:
            return files
        return guide_files.add_guide_files(files=files, config=config, guide=self.guide)

    @event_priority(-100)  # the nav as every other plugin left it
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.shared_nav = shared_nav.SharedNav(nav)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env = cache_templates(env, root=project_root(config))
        # partials/nav.html and nav-item.html render the navigation through it.
        if self.shared_nav is not None:
            env.globals["botb_shared_nav"] = self.shared_nav.bind
        # The first question's site URL, for "Start the guide" in templates (404.html).
        if self.guide is not None:
            start = self.guide.guide.nodes[self.guide.guide.meta.start]
            env.globals["botb_guide_start"] = site_url(node_src(start))
            env.globals["botb_signs"] = guide_files.emergency_signs(self.guide.guide, config=config)
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        content_pages.escape_front_matter_text(page)
        if self.guide is not None:
            markdown = render_markers(markdown, guide=self.guide.guide)
        if page.file.src_uri.startswith(OUTCOME_PAGES):
            # An outcome opened from search skips the warning-sign questions that lead to it;
            # readers reach outcomes through the guide. (Set here, after the engine's front
            # matter is read, so the engine's pages stay as they are.)
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        if self.content is None:
            return markdown
        return content_pages.page_markdown(markdown, page=page, state=self.content)

    @event_priority(-100)  # after every other plugin has changed the HTML
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        for handler in security.inline_event_handlers(output):
            # A warning, so strict builds fail: the CSP would block the handler anyway.
            log.warning(
                "%s: inline event handler %s; use a script file", page.file.src_uri, handler
            )
        return security.harden_html(output, serve=self.serving)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # 404.html is a static template, not a page: it needs the same policy.
        if not template_name.endswith(".html"):
            return output_content
        return security.harden_html(output_content, serve=self.serving)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(self.config.guide_dir)
        return server
