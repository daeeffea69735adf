"""harden_html and its helpers: a pure function over page HTML."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from botb.adapter.security import (
    content_security_policy,
    harden_html,
    inline_event_handlers,
    inline_scripts,
    script_hash,
)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}<title>t</title></head><body>{body}</body></html>"


def _script_src(html: str) -> str:
    match = re.search(r'content="[^"]*script-src ([^;"]*)', html)
    assert match, html
    return match.group(1)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("", []),
        ("<script>a()</script>", ["a()"]),
        ("<script>a()</script><script>b()</script>", ["a()", "b()"]),
        ('<script type="module">m()</script>', ["m()"]),
        ('<script type="text/javascript">t()</script>', ["t()"]),
        ('<script src="x.js"></script>', []),
        ('<script id="__config" type="application/json">{"a": 1}</script>', []),
        ('<script type="application/ld+json">{}</script>', []),
        ("<script>if (a < b && c > d) x()</script>", ["if (a < b && c > d) x()"]),
        ("<script>s = '&amp;'</script>", ["s = '&amp;'"]),
        ("<script>\n  multi\n  line\n</script>", ["\n  multi\n  line\n"]),
        ("<!-- <script>commented()</script> -->", []),
        ("<pre>&lt;script&gt;text()&lt;/script&gt;</pre>", []),
        ("<SCRIPT>upper()</SCRIPT>", ["upper()"]),
        ("<script>café = 'ünï'</script>", ["café = 'ünï'"]),
    ],
)
def test_inline_scripts_are_exactly_the_executable_ones(body: str, expected: list[str]) -> None:
    assert inline_scripts(_page(body)) == expected


@pytest.mark.parametrize("source", ["", "a()", "café()", "x\ny"])
def test_script_hash_is_sha256_of_the_utf8_text(source: str) -> None:
    assert script_hash(source) == _sha(source)


@pytest.mark.parametrize(
    ("body", "hashes"),
    [
        ("", []),
        ("<script>a()</script>", ["a()"]),
        ("<script>a()</script><script>a()</script>", ["a()"]),  # one hash per distinct text
        ('<script>a()</script><script src="b.js"></script>', ["a()"]),
        ('<script type="application/json">{}</script><script>c()</script>', ["c()"]),
    ],
)
def test_script_src_allows_self_and_exactly_the_page_hashes(body: str, hashes: list[str]) -> None:
    hardened = harden_html(_page(body))
    assert _script_src(hardened).split() == ["'self'", *(_sha(h) for h in hashes)]


@pytest.mark.parametrize(
    "directive",
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "style-src 'self'",
    ],
)
def test_policy_has_the_fixed_directives(directive: str) -> None:
    assert directive in content_security_policy(_page("")).split("; ")


@pytest.mark.parametrize("head", ["", '<meta charset="utf-8">', "<script>early()</script>"])
def test_csp_meta_is_the_first_element_of_head(head: str) -> None:
    hardened = harden_html(_page("", head=head))
    after_head = hardened.split("<head>", 1)[1]
    assert after_head.startswith('<meta http-equiv="Content-Security-Policy" content="')


def test_head_with_attributes_is_found() -> None:
    hardened = harden_html('<html><head lang="en"><title>t</title></head></html>')
    assert '<head lang="en"><meta http-equiv="Content-Security-Policy"' in hardened


@pytest.mark.parametrize("fragment", ["", "<p>no head</p>", "<?xml version='1.0'?><urlset/>"])
def test_output_without_head_is_unchanged(fragment: str) -> None:
    assert harden_html(fragment) == fragment


def test_the_page_is_otherwise_unchanged() -> None:
    page = _page("<p>hello</p><script>a()</script>")
    hardened = harden_html(page)
    meta = re.search(r"<meta http-equiv=[^>]*>", hardened)
    assert meta
    assert hardened.replace(meta.group(0), "", 1) == page


def test_serve_mode_allows_inline_scripts_without_hashes() -> None:
    # With any hash present, browsers ignore 'unsafe-inline'; live reload needs it.
    script_src = _script_src(harden_html(_page("<script>a()</script>"), serve=True))
    assert script_src.split() == ["'self'", "'unsafe-inline'"]


def test_a_built_page_never_allows_unsafe_inline_scripts() -> None:
    assert "'unsafe-inline'" not in _script_src(harden_html(_page("<script>a()</script>")))


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("<p>plain</p>", []),
        ('<button onclick="x()">b</button>', ["<button onclick>"]),
        ('<img src="a.png" onerror="x()">', ["<img onerror>"]),
        ('<body onload="x()">', ["<body onload>"]),
        ('<a href="#" OnMouseOver="x()">a</a>', ["<a onmouseover>"]),
        ('<p data-onclick="x">data attributes are fine</p>', []),
        ("<p>the text onclick= is fine</p>", []),
        # A stray quote ends the value early, as in browsers; a name without a value runs
        # nothing, but one with a value is a handler however the quotes fell.
        ('<meta name="description" content="a "quoted" once more">', []),
        ('<a x="a "b" onclick=alert(1)">', ["<a onclick>"]),
        # '/' separates attributes as whitespace does.
        ('<img/onerror="x()" src="a.png">', ["<img onerror>"]),
        ('<a title="1 > 0" onclick="x()">a</a>', ["<a onclick>"]),
        ('<p class="one">' * 50 + '<i onclick="x()"></i>' + "</p>" * 50, ["<i onclick>"]),
        ("<style onload='x()'>p {}</style><!-- <b onclick=x()> -->", ["<style onload>"]),
    ],
)
def test_inline_event_handlers_are_found(body: str, found: list[str]) -> None:
    assert inline_event_handlers(_page(body)) == found


def test_a_script_inside_the_page_content_gets_no_hash() -> None:
    article = '<article class="md-content__inner md-typeset"><script>injected()</script></article>'
    hardened = harden_html(_page(f"<script>theme()</script>{article}"))
    assert _script_src(hardened).split() == ["'self'", _sha("theme()")]
