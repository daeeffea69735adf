"""Hostile editor text must be shown, never run, wherever the renderers put it."""

from __future__ import annotations

import dataclasses
import html

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

import markdown
from botb.escape import MARKDOWN_SPECIAL, attr, front_matter, html_text, md_text
from botb.guide.model import Outcome, Question
from botb.guide.render_pages import outcome_page, question_page
from tests.guide.helpers import valid_guide
from tests.markdown import MARKDOWN_EXTENSIONS

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "</title><script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    '"><svg onload=alert(1)>',
    "*bold* _it_ `code` # heading",
    "1. not a list",
    "- not a list",
    "{ onclick=alert(1) }",
    "{: #id .class }",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "a | b | c",
    "!!! danger",
    "*[HTML]: abbr",
    "[^1]",
    "<https://example.org>",
    "back\\slash",
]


def _render(text: str) -> BeautifulSoup:
    html = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS).convert(text)
    return BeautifulSoup(html, "html.parser")


def _assert_inert(soup: BeautifulSoup) -> None:
    assert soup.find(["script", "img", "svg", "iframe", "object"]) is None
    for tag in soup.find_all(True):
        assert not any(name.startswith("on") for name in tag.attrs), tag
        href = str(tag.get("href", ""))
        assert not href.lower().startswith("javascript:"), tag


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_text_is_shown_literally(payload: str) -> None:
    soup = _render(f"<p markdown>{md_text(payload)}</p>")
    _assert_inert(soup)
    assert soup.get_text() == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_link_label_is_shown_literally(payload: str) -> None:
    soup = _render(f"<p markdown>[{md_text(payload)}](x.md){{ .c }}</p>")
    _assert_inert(soup)
    links = soup.find_all("a")
    assert len(links) == 1
    assert links[0].get_text() == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_attribute_and_svg_text(payload: str) -> None:
    soup = BeautifulSoup(f'<p data-x="{attr(payload)}">{html_text(payload)}</p>', "html.parser")
    _assert_inert(soup)
    assert soup.p is not None
    assert soup.p["data-x"] == payload
    assert soup.p.get_text() == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_front_matter_holds_the_plain_text_on_one_line(payload: str) -> None:
    # Plain text: the plugin escapes front matter for HTML exactly once (test_escaping.py).
    value = yaml.safe_load(f"title: {front_matter(payload + chr(10) + ' tail')}")["title"]
    assert value == " ".join(f"{payload} tail".split())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_in_every_field_of_real_pages(payload: str) -> None:
    guide = valid_guide()
    question = guide.nodes["bike-position"]
    outcome = guide.nodes["routine-bike-fit"]
    assert isinstance(question, Question)
    assert isinstance(outcome, Outcome)
    option = dataclasses.replace(question.options[0], label=payload, hint=payload)
    question = dataclasses.replace(question, text=payload, hint=payload, options=(option,))
    approach = dataclasses.replace(outcome.approaches[0], reason=payload)
    outcome = dataclasses.replace(
        outcome,
        title=payload,
        summary=payload,
        why=payload,
        approaches=(approach,),
        ask=(payload,),
        safety_net=(payload,),
    )
    for page in (
        question_page(guide, question),
        outcome_page(guide, outcome, site_url="https://e.org/", page_titles={}, source_links={}),
    ):
        body = page.split("\n---\n", 1)[1]
        soup = _render(body)
        _assert_inert(soup)
        assert payload in soup.get_text()
        front = yaml.safe_load(page.split("---\n")[1])
        # Plain text, escaped once later by the plugin (tests/adapter/test_escaping.py).
        flat = " ".join(payload.split())
        assert (front["title"], front["description"]) == (flat, flat)


def _md_text_reference(text: str) -> str:
    """md_text as its docstring defines it: the Markdown escape, then html.escape."""
    flat = " ".join(text.split())
    escaped = "".join("\\" + char if char in MARKDOWN_SPECIAL else char for char in flat)
    return html.escape(escaped, quote=True)


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from([*MARKDOWN_SPECIAL, *"&<>\"' \t\n\u00a0\u2003az#"])
        | st.characters()
    )
)
def test_md_text_is_the_markdown_escape_then_the_html_escape(text: str) -> None:
    assert md_text(text) == _md_text_reference(text)
