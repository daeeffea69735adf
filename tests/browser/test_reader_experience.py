"""Issue 16: the site as a lay reader meets it, on a phone and a desktop, by keyboard, light and
dark. Every wait is on an event or a locator; counts and paths come from the built site and
``guide.json``, never from the wording.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page

from .contrast import colours, page_background, ratio
from .test_guide_flow import _deepest_path as _longest_path
from .test_guide_flow import _end, _fragment, _open_answers, _steps, _url

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SCHEMES = ["light", "dark"]
Answers = list[tuple[str, int]]


@pytest.fixture(params=SCHEMES)
def scheme(request: pytest.FixtureRequest, page: Page) -> str:
    """The palette the test runs in, light or dark, as the system setting."""
    page.emulate_media(color_scheme=request.param)
    return str(request.param)


@pytest.fixture(scope="module")
def guide(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "guide" / "guide.json").read_text())
    return data


def _open_question(page: Page, site_url: str, guide: dict[str, Any], answers: Answers) -> None:
    page.goto(_url(site_url, guide, guide["start"]) + _fragment(answers))
    page.locator("[data-guide-root][data-enhanced]").wait_for(state="attached")


def _first_plain(guide: dict[str, Any], answers: Answers) -> int:
    """Index of the first answer to a plain question (checklists come first in this guide)."""
    return next(i for i, (q, _) in enumerate(answers) if "chain" not in guide["nodes"][q])


def _rows(guide: dict[str, Any], answers: Answers) -> int:
    """How many rows the answers summary shows: a checklist is one row."""
    return len(_steps(guide, answers))


def _title(page: Page) -> str:
    return page.locator("article h1").first.inner_text().strip()


def _content_pages(all_pages: list[str]) -> list[str]:
    """Reader pages: everything but the generated reviewer pages (a diagram and long lists)."""
    reviewer = ("guide/map/", "guide/outline/", "guide/paths/")
    return [p for p in all_pages if not p.startswith(reviewer)]


# 1. Start in one tap ------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["", "guide/"], ids=["home", "guide-start"])
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390x844", "1280x800"])
def test_a_start_button_sits_in_the_first_screen(
    page: Page, site_url: str, where: str, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    page.goto(site_url + where)
    start = page.locator("article a.botb-start", has_text="Start").first
    start.wait_for()
    assert start.evaluate("a => !a.closest('nav, header, .md-header, .md-sidebar')")
    box = start.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["x"] >= 0
    assert box["y"] + box["height"] <= size["height"], f"bottom at {box['y'] + box['height']}"
    assert box["x"] + box["width"] <= size["width"]
    assert box["height"] >= 44


def test_the_start_button_opens_the_first_question(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    page.goto(site_url)
    page.locator("article a.botb-start").click()
    page.wait_for_url(_url(site_url, guide, guide["start"]))


def test_reviewer_material_lives_in_about_not_on_the_guide_start(page: Page, site_url: str) -> None:
    page.goto(site_url + "guide/")
    hrefs = page.locator("article a").evaluate_all("links => links.map(a => a.href)")
    assert not [h for h in hrefs if re.search(r"guide/(map|outline|paths)/", h)]
    page.goto(site_url + "about/")
    hrefs = page.locator("article a").evaluate_all("links => links.map(a => a.href)")
    for reviewer in ("map", "outline", "paths"):
        assert site_url + f"guide/{reviewer}/" in hrefs


# 2. Question pages like a service -----------------------------------------------------------


def test_back_and_caption_sit_above_the_question_and_the_nav_steps_aside(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _longest_path(guide)
    page.set_viewport_size(DESKTOP)
    _open_question(page, site_url, guide, answers[:2])
    h1 = page.locator("article h1").bounding_box()
    back = page.locator("[data-back]").bounding_box()
    caption = page.locator(".botb-progress").bounding_box()
    article = page.locator("article").bounding_box()
    assert h1 and back and caption and article
    assert back["y"] < caption["y"] < h1["y"], "Back, then the caption, then the question"
    assert abs(back["x"] - article["x"]) <= 24, "Back sits at the left of the content"
    assert back["y"] - article["y"] < 60, "Back is the first thing in the content"
    # Focus layout: no site navigation beside the question...
    assert page.locator(".md-sidebar--primary").evaluate(
        "e => e.hidden || getComputedStyle(e).visibility === 'hidden' || e.offsetWidth === 0"
    )
    # ...and it is back on an outcome.
    outcome = _end(guide, answers)
    page.goto(_url(site_url, guide, outcome) + _fragment(answers))
    assert page.locator(".md-sidebar--primary").is_visible()


def test_the_skip_link_mid_guide_keeps_the_same_question(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    whole = _longest_path(guide)
    answers = whole[: _first_plain(guide, whole) + 1]
    _open_question(page, site_url, guide, answers)
    title, progress, url = _title(page), page.locator(".botb-progress").inner_text(), page.url
    skip = page.locator("a.md-skip")
    assert skip.get_attribute("href") == "#botb-question", "a stable target on every question"
    skip.focus()  # where the first Tab of a fresh page lands
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'botb-question'")
    assert page.url == url
    assert _title(page) == title
    assert page.locator(".botb-progress").inner_text() == progress
    # The next Tab goes on into the page, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article')")


def test_a_fragment_without_answers_never_resets_the_guide(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _longest_path(guide)[:3]
    _open_question(page, site_url, guide, answers)
    title = _title(page)
    page.evaluate("location.hash = '#botb-question'")
    page.wait_for_function("() => location.hash === '#botb-question'")
    page.evaluate("location.hash = '#somewhere-else'")
    page.wait_for_function("() => location.hash === '#somewhere-else'")
    assert _title(page) == title
    assert page.locator(".botb-answers__a").count() == _rows(guide, answers)


# 9. Change an answer, come back -------------------------------------------------------------


def _ahead(guide: dict[str, Any], answers: Answers, kept: Answers, question: str, index: int):
    """Where answering `question` with `index` lands while later answers are kept."""
    path = [*answers, (question, index)]
    rest = dict(kept)
    rest.pop(question, None)
    node_id = guide["nodes"][question]["options"][index]["next"]
    while guide["nodes"][node_id]["type"] == "question" and node_id in rest:
        choice = rest.pop(node_id)
        path.append((node_id, choice))
        node_id = guide["nodes"][node_id]["options"][choice]["next"]
    return path, node_id


def test_changing_an_answer_to_the_same_returns_to_the_outcome(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _longest_path(guide)
    outcome = _url(site_url, guide, _end(guide, answers))
    page.goto(outcome + _fragment(answers))
    _open_answers(page)
    plain = _first_plain(guide, answers)
    page.locator("a[data-change]").nth(_rows(guide, answers[:plain])).click()
    page.locator(".botb-option--previous").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('data-option')") == str(
        answers[plain][1]
    )
    page.keyboard.press("Enter")  # the same answer again: one step, straight back
    page.wait_for_url(outcome + _fragment(answers))
    _open_answers(page)
    assert page.locator(".botb-answers__a").count() == _rows(guide, answers)


def test_changing_an_answer_skips_later_answers_that_still_fit(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _longest_path(guide)
    # Find a change whose new route meets a later kept question (the tree is a DAG).
    for position, (question, chosen) in enumerate(answers):
        if "chain" in guide["nodes"][question]:
            continue  # a checklist is changed by ticking
        for other in range(len(guide["nodes"][question]["options"])):
            if other == chosen:
                continue
            path, lands = _ahead(guide, answers[:position], answers[position:], question, other)
            if len(path) > position + 1:
                break
        else:
            continue
        break
    else:
        pytest.skip("no change in this tree keeps a later answer")
    outcome = _url(site_url, guide, _end(guide, answers))
    page.goto(outcome + _fragment(answers))
    _open_answers(page)
    page.locator("a[data-change]").nth(_rows(guide, answers[:position])).click()
    page.locator(".botb-option--previous").wait_for()
    page.locator(f"a.botb-option[data-option='{other}']").click()
    if guide["nodes"][lands]["type"] == "question":
        page.wait_for_url(re.compile(re.escape(_fragment(path)) + "(&|$)"))
        assert _title(page) == guide["nodes"][lands]["title"], "the first question left to answer"
    else:
        page.wait_for_url(_url(site_url, guide, lands) + _fragment(path))


# 3. Contrast and states ---------------------------------------------------------------------


def _check_text(where: str, locator: Locator, minimum: float = 4.5) -> tuple[str, float]:
    c = colours(locator)
    value = ratio(c["text"], c["background"])
    assert value >= minimum, f"{where}: text {value:.2f}:1 ({c})"
    return where, value


def _check_indicator(where: str, colour: list[float] | None, behind: list[float]) -> float:
    assert colour is not None, f"{where}: no indicator"
    value = ratio(colour, behind)
    assert value >= 3, f"{where}: indicator {value:.2f}:1"
    return value


def test_answer_states_meet_contrast_and_differ(
    page: Page, site_url: str, guide: dict[str, Any], scheme: str
) -> None:
    page.set_viewport_size(DESKTOP)
    answers = _longest_path(guide)
    _open_question(page, site_url, guide, answers[: _first_plain(guide, answers) + 1])
    page.locator("[data-back]").click()  # the earlier answer comes back as "previous"
    previous = page.locator("a.botb-option--previous")
    previous.wait_for()
    options = page.locator("a.botb-option:not(.botb-option--previous)")
    rest = options.first
    measured = {}
    page.mouse.move(0, 0)
    measured["rest"] = _check_text("rest", rest)[1]
    measured["rest border"] = _check_indicator(
        "rest border", colours(rest)["border"], page_background(rest)
    )
    rest_style = colours(rest)
    assert rest_style["textDecoration"] == "none", "answer labels are not underlined"

    # "Previous" says so in words, not only in colour.
    assert "(" in previous.inner_text() and previous.locator(".botb-option__previous").count()
    measured["previous"] = _check_text("previous", previous)[1]
    previous_style = colours(previous)

    rest.hover()
    page.wait_for_function("el => el.matches(':hover')", arg=rest.element_handle())
    measured["hover"] = _check_text("hover", rest)[1]
    hover_style = colours(rest)
    assert hover_style["textDecoration"] == "none"
    assert (hover_style["background"], hover_style["boxShadow"]) != (
        previous_style["background"],
        previous_style["boxShadow"],
    ), "hover looks different from 'your answer before'"
    page.mouse.move(0, 0)

    # Keyboard focus on a plain answer and on the previous one (where Back puts it).
    previous.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    measured["previous + focus"] = _check_text("previous + focus", previous)[1]
    measured["focus ring"] = _check_indicator(
        "focus ring", colours(previous)["outline"], page_background(previous)
    )
    # Keyboard focus on a plain answer: step back from the previous one to another answer.
    plain_focused = "document.activeElement.matches('a.botb-option:not(.botb-option--previous)')"
    for key in ("Shift+Tab", "Tab"):  # before the previous answer, or after it if it is first
        previous.focus()
        for _ in range(10):
            page.keyboard.press(key)
            if page.evaluate(plain_focused):
                break
        if page.evaluate(plain_focused):
            break
    focused = page.locator("a.botb-option:focus")
    measured["focus"] = _check_text("focus", focused)[1]
    measured["focus ring (plain)"] = _check_indicator(
        "focus ring (plain)", colours(focused)["outline"], page_background(focused)
    )
    assert colours(focused)["textDecoration"] == "none"

    violations = Axe().run(page, context=".md-content").response["violations"]
    assert [v["id"] for v in violations] == []
    print(scheme, {k: round(v, 2) for k, v in measured.items()})


def test_links_hover_focus_and_visited_meet_contrast(
    page: Page, site_url: str, scheme: str
) -> None:
    page.goto(site_url + "urgent-help/")
    link = page.locator("article p a[href]:not([href^='tel:'])").first
    measured = {"rest": _check_text("link", link)[1]}
    link.hover()
    measured["hover"] = _check_text("link hover", link)[1]
    page.mouse.move(0, 0)
    link.focus()
    measured["focus"] = _check_text("link focus", link)[1]
    measured["focus ring"] = _check_indicator(
        "link focus ring", colours(link)["outline"], page_background(link)
    )
    # Browsers never report :visited styles to scripts, so the stylesheets are read instead:
    # any rule that colours visited links must keep its colour at 4.5:1 on the page.
    visited = page.evaluate(
        """() => [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; }
              catch (e) { return []; } })
            .filter(r => r.selectorText && r.selectorText.includes(':visited') && r.style.color)
            .map(r => r.selectorText)"""
    )
    assert all("botb-option" in selector for selector in visited), visited
    # Search highlights used the accent at 2.8:1.
    accent = page.evaluate(
        "getComputedStyle(document.body).getPropertyValue('--md-accent-fg-color').trim()"
    )
    rgb = [int(accent[i : i + 2], 16) for i in (1, 3, 5)]
    measured["accent"] = ratio(rgb, page_background(page.locator("article")))
    assert measured["accent"] >= 4.5
    print(scheme, {k: round(v, 2) for k, v in measured.items()})


def test_focus_is_never_hidden_under_the_sticky_header(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + "urgent-help/")
    header = page.locator(".md-header").bounding_box()
    assert header is not None
    covered = []
    for _ in range(40):
        page.keyboard.press("Tab")
        box = page.evaluate(
            """() => { const e = document.activeElement;
                 if (!e.closest('article')) return null;
                 const r = e.getBoundingClientRect();
                 return {top: r.top, bottom: r.bottom, text: e.textContent.slice(0, 30)}; }"""
        )
        if box and (box["bottom"] <= header["height"] or box["top"] < header["height"] - 1):
            covered.append(box)
    assert covered == []


# 4. Type ------------------------------------------------------------------------------------


def test_lines_stay_within_75_characters_on_a_desktop(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    longest = {}
    for relative in ("", "urgent-help/", "approaches/bike-fit/", "about/"):
        page.goto(site_url + relative)
        longest[relative] = page.evaluate(
            """() => {
              let most = 0;
              for (const p of document.querySelectorAll('article > p')) {
                const range = document.createRange();
                const lines = new Map();
                const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  for (let i = 0; i < n.length; i++) {
                    range.setStart(n, i); range.setEnd(n, i + 1);
                    const r = range.getClientRects()[0];
                    if (!r) continue;
                    const top = Math.round(r.top);
                    lines.set(top, (lines.get(top) || 0) + 1);
                  }
                }
                for (const count of lines.values()) most = Math.max(most, count);
              }
              return most;
            }"""
        )
    assert all(count <= 75 for count in longest.values()), longest


def test_tables_stack_as_cards_on_a_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + "approaches/")
    table = page.locator("article table[data-botb-stack]").first
    table.wait_for()
    assert table.locator("tbody tr").first.evaluate("e => getComputedStyle(e).display") == "block"
    cell = table.locator("tbody td").nth(1)
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    header = table.locator("thead th").nth(1).inner_text().strip()
    assert label == json.dumps(header)
    box = table.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]


# 5. Illustrations ---------------------------------------------------------------------------


def test_illustration_labels_are_at_least_14px_on_a_360px_phone(
    page: Page, site_url: str, built_site: Path
) -> None:
    page.set_viewport_size({"width": 360, "height": 780})
    pages = {}
    for html in built_site.rglob("index.html"):
        for src in re.findall(r'<img[^>]+src="([^"]+\.svg)"', html.read_text()):
            relative = html.parent.relative_to(built_site).as_posix()
            pages[src.rsplit("/", 1)[-1]] = "" if relative == "." else relative + "/"
    assert pages, "the site has illustrations"
    for name, relative in pages.items():
        svg = next(built_site.rglob(name)).read_text()
        view_width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', svg).group(1))  # type: ignore[union-attr]
        smallest = min(float(s) for s in re.findall(r'font-size="([\d.]+)"', svg))
        page.goto(site_url + relative)
        img = page.locator(f"article img[src$='{name}']")
        link = img.locator("xpath=..")
        assert link.evaluate("a => a.tagName") == "A", "a tap opens it full size"
        assert (link.get_attribute("href") or "").endswith(name)
        width = img.evaluate("i => i.getBoundingClientRect().width")
        assert smallest * width / view_width >= 14, f"{name}: {smallest * width / view_width:.1f}px"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "the frame scrolls, not the page"


# 6. Lay-reader chrome -----------------------------------------------------------------------


def test_no_developer_chrome_on_any_page(built_site: Path) -> None:
    found = []
    for html in built_site.rglob("*.html"):
        text = html.read_text()
        for needle in ("md-content__button", 'class="md-source"', "Made with"):
            if needle in text:
                found.append(f"{html.relative_to(built_site)}: {needle}")
    assert found == []


def test_headings_do_not_wrap_for_the_permalink_on_a_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    grown = []
    for relative in ("understanding/psoas-and-hip-flexors/", "urgent-help/", "approaches/yoga/"):
        page.goto(site_url + relative)
        grown += page.evaluate(
            """() => [...document.querySelectorAll('article :is(h1, h2, h3)')].flatMap(h => {
                 const link = h.querySelector('.headerlink');
                 if (!link) return [];
                 const before = h.getBoundingClientRect().height;
                 link.style.display = 'none';
                 const after = h.getBoundingClientRect().height;
                 link.style.display = '';
                 return before > after + 1 ? [h.textContent] : [];
               })"""
        )
    assert grown == []


def test_search_shows_page_text_and_leaves_out_outcomes(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if loc.startswith("guide/o/")]
    metadata = [
        doc["location"]
        for doc in index["docs"]
        if re.match(r"\s*(Evidence:|Last reviewed)", doc["text"])
    ]
    assert metadata == []


# 7. Not found -------------------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["nothing-here/", "deep/er/missing/page/"])
def test_the_not_found_page_offers_search_home_the_guide_and_urgent_help(
    page: Page, site_url: str, guide: dict[str, Any], missing: str
) -> None:
    page.set_viewport_size(PHONE)
    response = page.goto(site_url + missing)
    assert response is not None and response.status == 404
    main = page.locator("article")
    hrefs = main.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    assert site_url in hrefs
    assert _url(site_url, guide, guide["start"]) in hrefs
    assert site_url + "urgent-help/" in hrefs
    assert any(h.startswith("tel:") for h in hrefs)
    for href in {h for h in hrefs if h.startswith("http")}:
        assert page.request.get(href).status == 200, href
    # The emergency signs are the registry's, word for word, as on the home page.
    signs = main.locator("[data-signs=emergency]").inner_text()
    search = main.locator("form[role=search]")
    assert search.locator("input[name=q]").count() == 1
    page.goto(site_url)
    assert page.locator("article [data-signs=emergency]").first.inner_text() == signs
    page.goto(site_url + missing)
    page.locator("form[role=search] input[name=q]").fill("psoas")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(site_url) + r"\?q=psoas"))


def test_axe_finds_nothing_on_the_new_pages_and_states(
    page: Page, site_url: str, guide: dict[str, Any], scheme: str
) -> None:
    page.set_viewport_size(PHONE)
    answers = _longest_path(guide)
    failing = {}
    for url in (
        site_url,
        site_url + "guide/",
        site_url + "approaches/",
        site_url + "understanding/si-joint/",
        site_url + "missing/page/",
        _url(site_url, guide, guide["start"]) + _fragment(answers[:2]),
    ):
        page.goto(url)
        page.locator("article h1").first.wait_for()
        violations = Axe().run(page).response["violations"]
        if violations:
            failing[url] = [v["id"] for v in violations]
    assert failing == {}


# 8. Phone numbers ---------------------------------------------------------------------------


def test_every_phone_number_shown_is_a_tel_link(page: Page, site_url: str) -> None:
    numbers = r"(?<![\d./:;-])(999|111|112|911|116[\s\u00a0]123|988)(?![\d]|[-/.:]\d)"
    plain = {}
    for relative in ("", "urgent-help/", "guide/", "about/disclaimer/", "missing/"):
        page.goto(site_url + relative)
        texts = page.evaluate(
            """() => { const out = [];
                 const walker = document.createTreeWalker(
                   document.querySelector('article'), NodeFilter.SHOW_TEXT);
                 for (let n = walker.nextNode(); n; n = walker.nextNode())
                   // Inside any link a number is part of its target (a tel: link, or a
                   // web address such as a helpline's); elsewhere it must be tappable.
                   if (!n.parentElement.closest('a[href], time, code'))
                     out.push(n.textContent);
                 return out; }"""
        )
        found = [t for t in texts if re.search(numbers, t)]
        if found:
            plain[relative] = found
        assert page.locator("article a[href^='tel:']").count() > 0, relative
    assert plain == {}


def test_guide_map_answer_labels_never_overlap(page: Page, site_url: str) -> None:
    page.goto(site_url + "guide/map/")
    boxes = page.locator(".botb-map__label").evaluate_all(
        "labels => labels.map(t => { const b = t.getBBox();"
        " return [b.x, b.y, b.x + b.width, b.y + b.height, t.textContent]; })"
    )
    assert len(boxes) > 10
    clashes = [
        (a[4], b[4])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]
    assert clashes == []


def test_guide_controls_and_the_start_button_meet_contrast_in_every_state(
    page: Page, site_url: str, guide: dict[str, Any], scheme: str
) -> None:
    page.set_viewport_size(DESKTOP)
    measured = {}
    page.goto(site_url + "guide/")
    start = page.locator("article a.botb-start").first
    measured["start"] = _check_text("start", start)[1]
    start.hover()
    measured["start hover"] = _check_text("start hover", start)[1]
    page.mouse.move(0, 0)
    start.focus()
    measured["start focus"] = _check_text("start focus", start)[1]

    _open_question(page, site_url, guide, _longest_path(guide)[:2])
    for name, selector in (("back", "[data-back]"), ("change", "a[data-change]")):
        control = page.locator(selector).first
        measured[name] = _check_text(name, control)[1]
        control.hover()
        measured[f"{name} hover"] = _check_text(f"{name} hover", control)[1]
        page.mouse.move(0, 0)
        control.focus()
        measured[f"{name} focus ring"] = _check_indicator(
            f"{name} focus ring", colours(control)["outline"], page_background(control)
        )
    print(scheme, {k: round(v, 2) for k, v in measured.items()})


def test_targets_are_large_enough_to_tap(page: Page, site_url: str, guide: dict[str, Any]) -> None:
    page.set_viewport_size(PHONE)
    _open_question(page, site_url, guide, _longest_path(guide)[:2])
    small = []
    for selector, height in (
        ("a.botb-option", 44),
        ("[data-back]", 44),
        ("a[data-change]", 24),
        (".md-header label.md-header__button, .md-header a.md-header__button", 24),
    ):
        for box in page.locator(selector).evaluate_all(
            "els => els.filter(e => e.getClientRects().length)"
            ".map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"
        ):
            if box[1] < height or box[0] < 24:
                small.append((selector, box))
    assert small == []


def test_the_skip_link_on_an_outcome_keeps_the_answers_in_the_address(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _longest_path(guide)
    url = _url(site_url, guide, _end(guide, answers)) + _fragment(answers)
    page.goto(url)
    _open_answers(page)
    page.locator("a.md-skip").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.tagName === 'H1'")
    assert page.url == url
    page.reload()
    _open_answers(page)
    assert page.locator(".botb-answers__a").count() == _rows(guide, answers)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_first_question_does_not_jump_when_the_script_takes_over(
    page: Page, site_url: str, guide: dict[str, Any], viewport: dict[str, int]
) -> None:
    """The static entry page already shows the progress line and the checklist's own
    question, so the tick-all form the script draws moves nothing on screen (CLS)."""
    page.set_viewport_size(viewport)
    page.goto(_url(site_url, guide, guide["start"]))
    page.locator("[data-guide-root][data-enhanced]").wait_for(state="attached")
    page.locator("form[data-checklist]").wait_for()
    shift = page.evaluate(
        """() => new Promise(done => {
            new PerformanceObserver((list, observer) => {
                observer.disconnect();
                const moved = e => (e.hadRecentInput ? 0 : e.value);
                done(list.getEntries().reduce((sum, e) => sum + moved(e), 0));
            }).observe({ type: "layout-shift", buffered: true });
            requestAnimationFrame(() => setTimeout(() => done(0)));
        })"""
    )
    assert shift < 0.02
    assert page.locator(".botb-progress").count() == 1
