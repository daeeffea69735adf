"""The MkDocs shell around the content engine: real config, real logging, real pages."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from botb.adapter.content_pages import (
    TODAY_VARIABLE,
    ContentState,
    content_state,
    load_content,
    page_markdown,
    read_bibliography,
    review_date,
)
from botb.adapter.plugin import BackOnTheBikeConfig
from botb.diagnostics import DiagnosticError
from tests.clock import TODAY
from tests.content.samples import BIB, DESC, FACT_WORDS, FACTS, WAIT

YOGA = (
    f"---\ntitle: Yoga\ndescription: {DESC}\nreviewed: REVIEWED\nclinical_review: pending\n"
    "sources: [hayden-2021, laird-2014]\nevidence: low\nevidence_for: pain, short term\n"
    "tags: [yoga]\n" + FACTS + "---\n# Yoga\n\n**Certainty: low.** Text.\n"
)
REVIEW_STATUS = """
extra:
  review_status:
    pending: "Checked {reviewed}; sign-off pending."
    pending_undated: "Sign-off pending."
    signed: "Checked {reviewed}; signed off by {name}, {role}, {date}."
    signed_undated: "Signed off by {name}, {role}, {date}."
"""


def project(tmp_path: Path, *, reviewed: str = "2026-11-01", extra: str = REVIEW_STATUS) -> Path:
    docs = tmp_path / "content"
    (docs / "approaches").mkdir(parents=True)
    (docs / "_data").mkdir()
    (docs / "_data/bibliography.yml").write_text(BIB, encoding="utf-8")
    (docs / "approaches/yoga.md").write_text(YOGA.replace("REVIEWED", reviewed), encoding="utf-8")
    (docs / "approaches/wait.md").write_text(WAIT, encoding="utf-8")
    (docs / "_data/facts.yml").write_text(FACT_WORDS, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\ndocs_dir: content\n" + extra, encoding="utf-8"
    )
    return tmp_path / "mkdocs.yml"


def options() -> BackOnTheBikeConfig:
    config = BackOnTheBikeConfig()
    config.load_dict({})
    errors, _ = config.validate()
    assert errors == []
    return config


def load(config: MkDocsConfig, *, guide: Guide | None) -> ContentState:
    """What the plugin does: read the bibliography once, check the pages, add the guide."""
    loaded = read_bibliography(config=config, options=options())
    return content_state(load_content(config=config, loaded=loaded, today=TODAY), guide=guide)


class Guide:
    """The one attribute of the compiled guide this adapter reads."""

    def __init__(self, outcomes: dict[str, list[tuple[str, str, str]]]) -> None:
        self.outcomes_by_page = outcomes


def test_pages_get_their_generated_parts(tmp_path: Path) -> None:
    config = load_config(str(project(tmp_path)))
    guide = Guide({"approaches/yoga.md": [("See a physio", "guide/o/physio.md", "soon")]})
    state = load(config, guide=guide)
    assert state is not None
    file = File("approaches/yoga.md", config.docs_dir, config.site_dir, use_directory_urls=True)
    page = Page("Yoga", file, config)
    out = page_markdown("# Yoga\n\nText.\n", page=page, state=state)
    assert "**Evidence: low certainty** (pain, short term)" in out
    assert 'Checked <time datetime="2026-11-01">1 November 2026</time>; sign-off pending.' in out
    assert "[See a physio](../guide/o/physio.md)" in out
    assert "## References" in out


def test_without_a_guide(tmp_path: Path) -> None:
    config = load_config(str(project(tmp_path)))
    state = load(config, guide=None)
    assert state is not None
    assert state.outcomes_by_page is None


def test_stale_review_is_logged_as_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config(str(project(tmp_path, reviewed="2019-01-01")))
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.botb"):
        load(config, guide=None)
    messages = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.botb"]
    assert any(
        m.startswith("content/approaches/yoga.md:4:11: review is stale") for m in messages
    ), messages


def test_problems_are_raised_together_with_project_relative_paths(tmp_path: Path) -> None:
    mkdocs_yml = project(tmp_path)
    (tmp_path / "content/glossary.md").write_text("# Glossary\n", encoding="utf-8")
    (tmp_path / "content/approaches/bad.md").write_text(
        "---\ntitle: Bad\ndescription: short\n---\n# Bad\n", encoding="utf-8"
    )
    config = load_config(str(mkdocs_yml))
    with pytest.raises(DiagnosticError) as caught:
        load(config, guide=None)
    found = [str(d) for d in caught.value.diagnostics]
    assert "content/glossary.md:1:1: missing front matter (--- title ... ---)" in found
    assert any(p.startswith("content/approaches/bad.md:3:14: description is 5") for p in found)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("", "extra.review_status must map pending, pending_undated, signed, signed_undated"),
        ("\nextra:\n  review_status: words\n", "extra.review_status must map"),
        (
            '\nextra:\n  review_status:\n    pending: "P {reviewed}"\n',
            "extra.review_status is missing pending_undated, signed, signed_undated",
        ),
    ],
    ids=["absent", "not a mapping", "incomplete"],
)
def test_review_wording_comes_from_mkdocs_yml(tmp_path: Path, extra: str, message: str) -> None:
    config = load_config(str(project(tmp_path, extra=extra)))
    with pytest.raises(DiagnosticError) as caught:
        load(config, guide=None)
    found = [str(d) for d in caught.value.diagnostics]
    assert len(found) == 1 and found[0].startswith(f"mkdocs.yml:1:1: {message}"), found


def test_review_ages_count_from_the_pinned_date_when_one_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2031-01-02")
    assert review_date() == dt.date(2031, 1, 2)
    monkeypatch.delenv(TODAY_VARIABLE)
    assert review_date() == dt.date.today()
