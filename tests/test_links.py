"""Relative links between docs-relative pages: what posixpath.relpath gives, without it."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from botb.links import page_link, relative_path


@pytest.mark.parametrize(
    ("page", "target", "link"),
    [
        ("index.md", "references.md", "references.md"),
        ("approaches/yoga.md", "references.md", "../references.md"),
        ("start-here.md", "references.md", "references.md"),
        (
            "approaches/yoga.md",
            "about/index.md#how-we-grade-evidence",
            "../about/index.md#how-we-grade-evidence",
        ),
        ("about/privacy.md", "about/index.md", "index.md"),
        ("references.md", "understanding/si-joint.md", "understanding/si-joint.md"),
        ("approaches/bike-fit.md", "guide/o/see-physio.md", "../guide/o/see-physio.md"),
        ("approaches/yoga.md", "approaches/bike-fit.md", "bike-fit.md"),
        ("approaches/yoga.md", "approaches/yoga.md#effect", "yoga.md#effect"),
        ("guide/o/see-physio.md", "approaches/yoga.md", "../../approaches/yoga.md"),
        ("guide/o/see-physio.md", "guide/q/start.md", "../q/start.md"),
        ("guide/o/see-physio.md", "guide/o/other.md#a-b", "other.md#a-b"),
        ("about/index.md", "about/index.md", "index.md"),
        ("references.md", "understanding/si-joint.md#top", "understanding/si-joint.md#top"),
        ("a/b/c.md", "a/./b//d.md", "d.md"),
        ("a/b/c.md", "a/x/../b/d.md", "d.md"),
        ("a/c.md", "../outside.md", "../../outside.md"),
    ],
)
def test_a_link_is_relative_to_the_page_folder(page: str, target: str, link: str) -> None:
    assert page_link(page, target) == link


def test_an_empty_path_is_refused_as_relpath_refuses_it() -> None:
    with pytest.raises(ValueError, match="no path"):
        relative_path("", start="a")


_SEGMENTS = st.sampled_from(["a", "b", "x.md", "index.md", ".", "..", "", "é"])
_PATHS = st.lists(_SEGMENTS, min_size=1, max_size=5).map("/".join)


@settings(max_examples=3000, derandomize=True, deadline=None)
@given(_PATHS.filter(bool), _PATHS | st.just(""), st.sampled_from(["", "/"]))
def test_the_same_as_relpath(path: str, start: str, root: str) -> None:
    # Absolute paths and starts above the working directory are relpath's own answer.
    assert relative_path(root + path, start=start) == posixpath.relpath(root + path, start)
