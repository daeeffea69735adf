"""The decision guide in a real browser: static links without JavaScript, the in-place flow with it.

Every path, label and count comes from the built ``guide/guide.json``, never from the wording,
so these tests hold for any valid tree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, Route

from tests.browser.waits import goto_guide

pytestmark = pytest.mark.browser

Answers = list[tuple[str, int]]


@pytest.fixture(scope="module")
def guide(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "guide" / "guide.json").read_text())
    return data


def _later(node: dict[str, Any]) -> bool:
    """A checklist's later yes/no item: with JavaScript it is part of the checklist's page."""
    return "chain" in node and node["chain"]["item"] > 1


def _questions_to_outcome(guide: dict[str, Any]) -> dict[str, int]:
    """Longest number of questions from each node to an outcome (what the progress line shows)."""
    far: dict[str, int] = {}

    def walk(node_id: str) -> int:
        if node_id not in far:
            node = guide["nodes"][node_id]
            far[node_id] = (
                0
                if node["type"] != "question"
                else (0 if _later(node) else 1)
                + max(walk(option["next"]) for option in node["options"])
            )
        return far[node_id]

    for node_id in guide["nodes"]:
        walk(node_id)
    return far


def _deepest_path(guide: dict[str, Any], start: str | None = None) -> Answers:
    """The answers along the longest path: the flow test then takes every step it can.

    On a checklist item only yes and no count: "not sure" with a follow-up question is
    asked on the yes/no pages, not in the tick-all form."""
    far = _questions_to_outcome(guide)
    node_id, answers = start or guide["start"], []
    while guide["nodes"][node_id]["type"] == "question":
        node = guide["nodes"][node_id]
        options = node["options"][:2] if "chain" in node else node["options"]
        index = max(range(len(options)), key=lambda i: far[options[i]["next"]])
        answers.append((node_id, index))
        node_id = options[index]["next"]
    return answers


def _steps(guide: dict[str, Any], answers: Answers) -> list[Answers]:
    """The answers page by page: a checklist's yes/no answers are one step."""
    steps: list[Answers] = []
    for question, index in answers:
        node = guide["nodes"][question]
        first = guide["nodes"][steps[-1][0][0]] if steps else {}
        if _later(node) and first.get("chain", {}).get("group") == node["chain"]["group"]:
            steps[-1].append((question, index))
        else:
            steps.append([(question, index)])
    return steps


def _prefix(guide: dict[str, Any], answers: Answers, count: int) -> Answers:
    """The answers of the first ``count`` page steps."""
    return [pair for step in _steps(guide, answers)[:count] for pair in step]


def _shown_title(guide: dict[str, Any], node_id: str) -> str:
    """The heading the script shows for a node: a checklist shows its own question."""
    node = guide["nodes"][node_id]
    if "chain" in node and node["chain"]["item"] == 1:
        return str(node["chain"]["question"])
    return str(node["title"])


def _take_step(page: Page, guide: dict[str, Any], step: Answers) -> None:
    """Answer one page step as a reader would: tick and continue, or pick an answer."""
    first = guide["nodes"][step[0][0]]
    if "chain" not in first or first["chain"]["item"] != 1:
        page.locator(f"a.botb-option[data-option='{step[0][1]}']").click()
        return
    last, index = step[-1]
    if index == 0:  # yes at this item: tick it and continue
        page.locator(f"#tick-{last}").check()
        page.locator("form[data-checklist] button[type=submit]").click()
    else:
        page.locator("a[data-checklist-none]").click()


def _end(guide: dict[str, Any], answers: Answers) -> str:
    node_id = answers[0][0]
    for question, index in answers:
        assert question == node_id
        node_id = guide["nodes"][question]["options"][index]["next"]
    return node_id


def _fragment(answers: Answers) -> str:
    return "#a=" + ",".join(f"{question}.{index}" for question, index in answers)


def _url(site_url: str, guide: dict[str, Any], node_id: str) -> str:
    return site_url + guide["nodes"][node_id]["url"]


def _open_flow(page: Page, site_url: str, guide: dict[str, Any], fragment: str = "") -> None:
    page.goto(_url(site_url, guide, guide["start"]) + fragment)
    page.locator(".botb-progress").wait_for()


def _open_answers(page: Page) -> None:
    """Wait for the outcome's answers summary and open it, as a reader taps "Your answers":
    it is collapsed by default so the options come first."""
    box = page.locator("[data-answers]:not([hidden])")
    box.wait_for()
    if box.evaluate("d => d.tagName === 'DETAILS' && !d.open"):
        box.locator("summary").click()
    page.locator(".botb-answers__a").first.wait_for()


def _shown_answers(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".botb-answers__a").all_inner_texts()]


def _labels(guide: dict[str, Any], answers: Answers) -> list[str]:
    """The answers summary: one line per page step; a checklist shows what was ticked."""
    shown = []
    for step in _steps(guide, answers):
        first = guide["nodes"][step[0][0]]
        if "chain" not in first:
            shown.append(first["options"][step[0][1]]["label"])
            continue
        last = guide["nodes"][step[-1][0]]
        said = last["options"][step[-1][1]]
        if said["next"] == last["options"][1]["next"]:
            shown.append(first["chain"]["none"])
        else:
            extra = f" ({said['label']})" if said.get("fallback") else ""
            shown.append(last["title"] + extra)
    return shown


def _title(page: Page) -> str:
    return page.locator("article h1").first.inner_text().removesuffix("¶").strip()


def _answer_in_place(page: Page, guide: dict[str, Any], answers: Answers) -> None:
    """Takes each page step while the next node is a question; checks nothing reloaded."""
    far = _questions_to_outcome(guide)
    page.evaluate("window.__samePage = true")
    done = 0
    for number, step in enumerate(_steps(guide, answers)):
        question = step[0][0]
        assert _title(page) == _shown_title(guide, question)
        expected = f"Question {number + 1} of at most {number + far[question]}"
        assert page.locator(".botb-progress").inner_text() == expected
        _take_step(page, guide, step)
        done += len(step)
        last, index = step[-1]
        if guide["nodes"][guide["nodes"][last]["options"][index]["next"]]["type"] != "question":
            return
        assert page.evaluate("window.__samePage") is True, "answering loaded a new page"
        # The address follows once the next question is on screen.
        page.wait_for_url(re.compile(re.escape(_fragment(answers[:done])) + "$"))


# What a page without JavaScript offers, read in one round trip per page (the walk below
# loads every node's page, so per-link round trips would make it the suite's slowest test).
_STATIC_PAGE = """() => ({
  node: document.querySelector("[data-guide-root]")?.dataset.node ?? null,
  cards: document.querySelectorAll(".botb-card").length,
  options: [...document.querySelectorAll("a.botb-option")].map((a) => [a.dataset.option, a.href]),
})"""


def test_without_javascript_every_option_links_to_its_next_page(
    browser: Browser, site_url: str, guide: dict[str, Any]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "guide/")
        first = _url(site_url, guide, guide["start"])
        start_links = page.locator("article a").evaluate_all("links => links.map(a => a.href)")
        assert first in start_links, "the start page links to the first question"
        seen, queue = {guide["start"]}, [guide["start"]]
        while queue:
            node_id = queue.pop(0)
            node = guide["nodes"][node_id]
            response = page.goto(_url(site_url, guide, node_id))
            assert response is not None and response.ok
            # Evaluating a function needs no page script: it runs with JavaScript turned off.
            shown = page.evaluate(_STATIC_PAGE)
            assert shown["node"] == node_id
            if node["type"] != "question":
                assert shown["cards"] == 1
                continue
            expected = [
                [str(index), _url(site_url, guide, option["next"])]
                for index, option in enumerate(node["options"])
            ]
            assert shown["options"] == expected, node_id
            for option in node["options"]:
                if option["next"] not in seen:
                    seen.add(option["next"])
                    queue.append(option["next"])
        assert seen == set(guide["nodes"]), "every node is reachable by plain links"
    finally:
        context.close()


def test_answering_in_place_reaches_the_outcome_and_a_reload_restores_it(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _deepest_path(guide)
    outcome = _end(guide, answers)
    _open_flow(page, site_url, guide)
    _answer_in_place(page, guide, answers)
    page.wait_for_url(_url(site_url, guide, outcome) + _fragment(answers))
    _open_answers(page)
    assert _title(page) == guide["nodes"][outcome]["title"]
    assert _shown_answers(page) == _labels(guide, answers)
    if guide["nodes"][outcome]["urgency"] in ("emergency", "urgent"):
        assert page.locator("[data-print]").count() == 0  # action first, nothing to print
    else:
        assert page.locator("[data-print]").is_visible()

    page.reload()
    _open_answers(page)
    assert _title(page) == guide["nodes"][outcome]["title"]
    assert _shown_answers(page) == _labels(guide, answers)

    # Reload mid-way through the flow too.
    middle = _prefix(guide, answers, len(_steps(guide, answers)) // 2)
    _open_flow(page, site_url, guide, _fragment(middle))
    assert _title(page) == _shown_title(guide, _end(guide, middle))
    page.reload()
    page.locator(".botb-progress").wait_for()
    assert _title(page) == _shown_title(guide, _end(guide, middle))
    assert _shown_answers(page) == _labels(guide, middle)


def test_the_browser_back_button_steps_back_through_answers(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _deepest_path(guide)
    assert len(_steps(guide, answers)) >= 3, "the tree needs a path of at least three steps"
    one, two = _prefix(guide, answers, 1), _prefix(guide, answers, 2)
    _open_flow(page, site_url, guide)
    _answer_in_place(page, guide, two)
    assert _title(page) == _shown_title(guide, _end(guide, two))
    page.go_back()
    page.wait_for_function("() => location.hash === " + json.dumps(_fragment(one)))
    page.wait_for_function(
        "t => document.querySelector('article h1').textContent.startsWith(t)",
        arg=_shown_title(guide, _end(guide, one)),
    )
    page.go_back()
    page.wait_for_function("() => !location.hash.includes('a=')")
    assert _title(page) == _shown_title(guide, guide["start"])
    page.go_forward()
    page.wait_for_function("() => location.hash === " + json.dumps(_fragment(one)))
    assert _title(page) == _shown_title(guide, _end(guide, one))


def test_each_visit_to_the_flow_enhances_its_page_once(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    first = _url(site_url, guide, guide["start"])
    answers = _deepest_path(guide)
    first_link = first.removeprefix(site_url + "guide/")  # as the start page links it
    page.goto(site_url + "guide/")
    for _ in range(2):
        # Each visit is a full page load; the script must enhance the new page, once.
        page.locator(f"article a[href='{first_link}']").first.click()
        page.wait_for_url(first)
        page.locator(".botb-progress").wait_for()
        step = _steps(guide, answers)[0]
        _take_step(page, guide, step)
        page.wait_for_url(first + _fragment(step))  # one step is one history entry
        page.locator(".botb-restart a").click()
        page.wait_for_url(site_url + "guide/")


def test_answers_faster_than_a_frame_each_keep_their_history_entry(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _deepest_path(guide)[:2]  # both lead to further questions
    _open_flow(page, site_url, guide)
    length = page.evaluate("history.length")
    # Both answers in one turn of the event loop, before any frame is painted.
    page.evaluate(
        """(answers) => { for (const [, i] of answers) {
             document.querySelector(`a.botb-option[data-option='${i}']`).click(); } }""",
        answers,
    )
    page.wait_for_url(re.compile(re.escape(_fragment(answers)) + "$"))
    assert page.evaluate("history.length") == length + 2
    page.go_back()
    page.wait_for_function("() => location.hash === " + json.dumps(_fragment(answers[:1])))
    assert _title(page) == guide["nodes"][answers[1][0]]["title"]


def test_the_page_title_names_the_question_on_screen_after_each_step(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _deepest_path(guide)
    _open_flow(page, site_url, guide)
    suffix = page.title().removeprefix(_shown_title(guide, guide["start"]))
    for count, step in enumerate(_steps(guide, answers)[:2], start=1):
        before = page.url
        _take_step(page, guide, step)
        page.wait_for_url(lambda url, before=before: url != before)
        shown = _end(guide, _prefix(guide, answers, count))
        assert page.title() == _shown_title(guide, shown) + suffix
    one = _prefix(guide, answers, 1)
    page.go_back()
    page.wait_for_function("() => location.hash === " + json.dumps(_fragment(one)))
    assert page.title() == _shown_title(guide, _end(guide, one)) + suffix


def test_the_back_control_and_the_summary_show_the_answers_so_far(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _prefix(guide, _deepest_path(guide), 2)
    one = _prefix(guide, answers, 1)
    _open_flow(page, site_url, guide)
    assert page.locator("[data-back]").is_hidden()
    _answer_in_place(page, guide, answers)
    assert _shown_answers(page) == _labels(guide, answers)
    page.locator("[data-back]").click()  # a checklist steps back as one
    assert _title(page) == _shown_title(guide, _end(guide, one))
    assert _shown_answers(page) == _labels(guide, one)


def _shared_later_question(guide: dict[str, Any]) -> tuple[Answers, int, int] | None:
    """A path, a position in it and another option there whose route (taking the first option
    each time) meets a later question of the path again: the tree is a DAG, so changing an
    answer can keep later ones."""
    for answers in _some_paths(guide):
        for position, (question, chosen) in enumerate(answers):
            if "chain" in guide["nodes"][question]:
                continue  # a checklist is changed by ticking, not by one answer
            later = {q for q, _ in answers[position + 1 :]}
            for other, option in enumerate(guide["nodes"][question]["options"]):
                node_id = option["next"]
                while other != chosen and guide["nodes"][node_id]["type"] == "question":
                    if node_id in later:
                        return answers, position, other
                    node_id = guide["nodes"][node_id]["options"][0]["next"]
    return None


def _some_paths(guide: dict[str, Any], limit: int = 200) -> Iterator[Answers]:
    stack: list[tuple[str, Answers]] = [(guide["start"], [])]
    count = 0
    while stack and count < limit:
        node_id, answers = stack.pop()
        node = guide["nodes"][node_id]
        if node["type"] != "question":
            count += 1
            yield answers
            continue
        for index, option in enumerate(node["options"]):
            stack.append((option["next"], [*answers, (node_id, index)]))


def test_changing_an_answer_keeps_the_later_answers_that_still_apply(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _deepest_path(guide)
    outcome = _end(guide, answers)
    page.goto(_url(site_url, guide, outcome) + _fragment(answers))
    _open_answers(page)
    # Change the first answer that is not a checklist: the earlier answer has the focus, and
    # confirming it keeps every later answer, so the reader is straight back at the outcome
    # (GOV.UK's check answers).
    steps = _steps(guide, answers)
    number = next(i for i, step in enumerate(steps) if "chain" not in guide["nodes"][step[0][0]])
    question, chosen = steps[number][0]
    page.locator("a[data-change]").nth(number).click()
    page.locator(".botb-option--previous").wait_for()
    assert _title(page) == guide["nodes"][question]["title"]
    focused = page.evaluate("document.activeElement.getAttribute('data-option')")
    assert focused == str(chosen), "the earlier answer has focus"
    page.keyboard.press("Enter")
    page.wait_for_url(_url(site_url, guide, outcome) + _fragment(answers))
    _open_answers(page)
    assert _shown_answers(page) == _labels(guide, answers)

    shared = _shared_later_question(guide)
    if shared is None:
        return
    path, position, other = shared
    page.goto(_url(site_url, guide, _end(guide, path)) + _fragment(path))
    _open_answers(page)
    change = len(_steps(guide, path[:position]))
    page.locator("a[data-change]").nth(change).click()
    page.locator(".botb-option--previous").wait_for()
    _answer_and_wait_for_address(page, page.locator(f"a.botb-option[data-option='{other}']"))
    kept = dict(path[position + 1 :])
    # Answer the first option wherever a question has no kept answer; a kept question is
    # never asked again: its earlier answer is taken as it stands.
    for _ in range(len(guide["nodes"])):
        given = _hash_answers(page)
        if any(question in kept and kept[question] == index for question, index in given):
            return
        current = _end(guide, given)
        assert current not in kept, "a question whose answer still fits was asked again"
        _answer_and_wait_for_address(page, page.locator("a.botb-option[data-option='0']"))
    pytest.fail("the shared later question was never reached")


def _answer_and_wait_for_address(page: Page, option: Locator) -> None:
    # The fragment joins the history just after the next question is painted.
    before = page.url
    option.click()
    page.wait_for_url(lambda url: url != before)


def _hash_answers(page: Page) -> Answers:
    match = re.search(r"#a=([^&]*)", page.url)
    if not match or not match.group(1):
        return []
    pairs = [pair.rsplit(".", 1) for pair in match.group(1).split(",")]
    return [(question, int(index)) for question, index in pairs]


def test_keyboard_only_reaches_an_outcome_with_focus_and_announcements(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _deepest_path(guide)
    _open_flow(page, site_url, guide)
    for step, part in enumerate(_steps(guide, answers)):
        question, index = part[-1]
        checklist = "chain" in guide["nodes"][part[0][0]]
        # The deepest path ticks nothing on a checklist: its "none of these" answer.
        wanted = (
            "document.activeElement.hasAttribute('data-checklist-none')"
            if checklist
            else f"document.activeElement.getAttribute('data-option') === '{index}'"
        )
        for _ in range(80):
            if page.evaluate(wanted):
                break
            page.keyboard.press("Tab")
        else:
            pytest.fail(f"Tab never reached answer {index} of {question}")
        page.keyboard.press("Enter")
        next_id = guide["nodes"][question]["options"][index]["next"]
        if guide["nodes"][next_id]["type"] != "question":
            break
        title = _shown_title(guide, next_id)
        assert page.evaluate("document.activeElement.tagName") == "H1"
        assert page.evaluate("document.activeElement.textContent") == title
        live = page.locator("[aria-live=polite].botb-live")
        assert title in live.inner_text()
        assert f"Question {step + 2} of" in live.inner_text()
    page.wait_for_url(re.compile(re.escape(_fragment(answers)) + "$"))
    _open_answers(page)


def test_the_printed_sheet_shows_the_answers_and_leaves_out_navigation(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    answers = _deepest_path(guide)
    outcome = _end(guide, answers)
    page.set_viewport_size({"width": 680, "height": 900})  # A4 or Letter less the margins
    page.goto(_url(site_url, guide, outcome) + _fragment(answers))
    page.locator("[data-answers]:not([hidden])").wait_for()
    # What the browser does when the reader prints: the script opens the collapsed answers.
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-search",
        ".md-footer",
        ".md-content__button",
        ".md-top",
        "[data-print]",
        ".botb-answers__change",
    ):
        assert page.locator(hidden).first.is_hidden() or page.locator(hidden).count() == 0, hidden
    for shown in ("[data-answers]", ".botb-card", ".botb-sheet-meta", "article h1"):
        assert page.locator(shown).first.is_visible(), shown
    assert _shown_answers(page) == _labels(guide, answers)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "the sheet is wider than the paper"
    for paper in ("A4", "Letter"):
        assert page.pdf(format=paper)[:4] == b"%PDF"


@pytest.mark.parametrize("failure", ["guide.js throws", "guide.json fails to load"])
def test_static_links_still_reach_an_outcome_when_the_script_fails(
    page: Page, site_url: str, guide: dict[str, Any], failure: str
) -> None:
    if failure == "guide.js throws":

        def broken(route: Route) -> None:
            route.fulfill(content_type="text/javascript", body="throw new Error('broken');")

        page.route("**/assets/javascripts/guide.js", broken)
    else:
        page.route("**/guide/guide.json", lambda route: route.abort())
    answers = _deepest_path(guide)
    # Wait for the failure itself, so the clicks below meet the page guide.js gave up on.
    failed = (
        page.expect_event("pageerror")
        if failure == "guide.js throws"
        else page.expect_event("requestfailed", lambda request: request.url.endswith("guide.json"))
    )
    with failed:
        page.goto(_url(site_url, guide, guide["start"]))
    for question, index in answers:
        next_id = guide["nodes"][question]["options"][index]["next"]
        page.locator(f"a.botb-option[data-option='{index}']").click()
        page.wait_for_url(_url(site_url, guide, next_id))
        page.wait_for_function(
            "n => document.querySelector('[data-guide-root]')?.dataset.node === n", arg=next_id
        )
    assert page.locator(".botb-card").is_visible()


def _answered_pages(site_url: str, guide: dict[str, Any]) -> list[str]:
    """Guide pages in the states only answers reach (every page as loaded is on the
    site-wide tours, tests/browser/conftest.py): a question after two answers, and the outcome
    of the longest path with its answers summary."""
    answers = _deepest_path(guide)
    outcome = _end(guide, answers)
    return [
        _url(site_url, guide, guide["start"]) + _fragment(answers[:2]),
        _url(site_url, guide, outcome) + _fragment(answers),
    ]


@pytest.mark.parametrize(
    ("width", "label"), [(320, "320 px phone"), (640, "1280 px window at 200 % zoom")]
)
def test_no_horizontal_scrolling_on_answered_guide_pages(
    page: Page, site_url: str, guide: dict[str, Any], width: int, label: str
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    wide = []
    question, outcome = _answered_pages(site_url, guide)
    for url in (question, outcome):
        goto_guide(page, url)
        if url == outcome:
            _open_answers(page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide.append(f"{url}: {overflow}px")
    assert wide == [], label


def test_the_flow_stores_nothing_and_asks_only_the_local_server(
    page: Page, site_url: str, guide: dict[str, Any], request_log: list[str]
) -> None:
    answers = _deepest_path(guide)
    _open_flow(page, site_url, guide)
    _answer_in_place(page, guide, answers)
    _open_answers(page)
    page.go_back()
    stored = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""]
    assert page.context.cookies() == []
    assert all(url.startswith(site_url) for url in request_log), request_log
    # Answers given in place fetch nothing; each page load of the flow fetches guide.json once.
    loads = [u for u in request_log if u.startswith(site_url + "guide/") and u.endswith("/")]
    assert 1 < len(loads) < len(answers)
    assert sum(url.endswith("/guide.json") for url in request_log) == len(loads)
    assert not any("?" in url and "a=" in url.split("?", 1)[1] for url in request_log)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_guide_pages_after_the_script_ran(
    page: Page, site_url: str, guide: dict[str, Any], scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    answers = _deepest_path(guide)
    outcome = _end(guide, answers)
    axe = Axe()
    failing = {}
    for url, ready in (
        (site_url + "guide/", "article h1"),
        (_url(site_url, guide, guide["start"]), ".botb-progress"),
        (_url(site_url, guide, guide["start"]) + _fragment(answers[:2]), ".botb-answers"),
        (_url(site_url, guide, outcome) + _fragment(answers), "[data-answers]:not([hidden])"),
    ):
        page.goto(url)
        page.locator(ready).first.wait_for()
        # The page frame (header, footer, search) is the same on every page and is checked
        # site-wide in test_accessibility.py; here axe looks at what the guide renders.
        violations = axe.run(page, context=".md-content").response["violations"]
        if violations:
            failing[url] = [
                f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations
            ]
    assert failing == {}
