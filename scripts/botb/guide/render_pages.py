"""Markdown for every generated guide page (md_in_html blocks; contract: docs/CONTRACT.md).

Links are relative links to .md sources so MkDocs resolves and validates every one of them.
All editor text goes through ``escape`` except the start page ``intro``, which is Markdown
by design and only has its raw HTML disabled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from botb.content.decision_aid import OutcomeAid
from botb.escape import attr, front_matter, md_text
from botb.guide.model import Guide, Node, Outcome, Question, Sign, Urgency
from botb.guide.paths import AnswerPath, PathStats
from botb.guide.urls import MAP_PAGE, OUTLINE_PAGE, PATHS_PAGE, START_PAGE, node_src
from botb.links import page_link

QUESTION_HEADING_ID = "botb-question"


def _front(
    *,
    title: str,
    description: str,
    noindex: bool = False,
    searchable: bool = True,
    hide_toc: bool = True,
    hide_nav: bool = False,
) -> list[str]:
    lines = ["---", f"title: {front_matter(title)}", f"description: {front_matter(description)}"]
    if noindex or not searchable:
        lines += ["search:", "  exclude: true"]
    if noindex:
        lines += ["robots: noindex"]
    if hide_toc or hide_nav:
        lines += ["hide:"]
        lines += ["  - navigation"] if hide_nav else []
        lines += ["  - toc"] if hide_toc else []
    return [*lines, "---", ""]


def _node_title(node: Node) -> str:
    return node.title if isinstance(node, Outcome) else node.text


def safe_markdown(text: str) -> str:
    """Editor Markdown with raw HTML switched off: '<' can only ever be shown as text."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _page_label(page: str, titles: Mapping[str, str]) -> str:
    if page in titles:
        return titles[page]
    stem = page.removesuffix(".md").rsplit("/", 1)[-1].replace("-", " ")
    return stem.capitalize()


def _guide_div(node: Node, extra_class: str = "", extra_attrs: str = "") -> str:
    kind = "outcome" if isinstance(node, Outcome) else "question"
    classes = f"botb-guide {extra_class}".strip()
    return (
        f'<div class="{classes}" data-guide-root data-guide-json="../../guide.json" '
        f'data-node="{attr(node.id)}" data-type="{kind}"{extra_attrs} markdown>'
    )


def long_date(day: dt.date) -> str:
    """A date as readers write it: 2 December 2026."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def step_label(question: Question) -> str:
    """The kind of question, shown above it (and by the script when it answers in place)."""
    return "Screening question" if question.screening else "Question about your symptoms"


def sign_list(guide: Guide, tier: Urgency, *, indent: str = "") -> list[str]:
    """One tier's signs from the registry, under the tier's heading, then its action."""
    text = guide.tiers[tier]
    signs: list[Sign] = guide.signs_of(tier)
    lines = [
        f'{indent}<div class="botb-signs botb-signs--{tier.value}" '
        f'data-signs="{tier.value}" markdown>',
        "",
    ]
    lines += [f"{indent}**{md_text(text.signs_heading)}:**", ""]
    lines += [f"{indent}- {md_text(sign.text)}" for sign in signs]
    lines += ["", f"{indent}{safe_markdown(text.action)}", "", f"{indent}</div>", ""]
    return lines


def question_page(guide: Guide, question: Question, *, longest: int | None = None) -> str:
    """``longest``: on the first question, the most questions any path asks. The page then
    draws what the script draws over it (progress above, a checklist's own question as the
    heading), so enhancing the entry page moves nothing already on screen."""
    src = node_src(question)
    description = question.hint or f"A question in the guide: {question.text}"
    # A search engine may send a reader to the first screening question; landing on any
    # later question would skip the red-flag screening before it, so those are not indexed.
    entry = question.id == guide.meta.start
    # Focus layout: the site navigation stays out of the way while the reader answers.
    chain = question.chain
    # On the entry page the script asks the whole checklist under its own question.
    whole_checklist = longest is not None and chain is not None and chain.index == 0
    heading = chain.question if whole_checklist and chain is not None else question.text
    lines = _front(title=heading, description=description, noindex=not entry, hide_nav=True)
    # As on GOV.UK question pages, the caption (and the script's Back and progress) sits
    # above the question. The heading's id is the same on every question, so the skip link,
    # which targets it, never names a step of the guide.
    lines += ['<div class="botb-head" data-guide-head markdown>', ""]
    if longest is not None:
        lines += [f'<p class="botb-progress" markdown>Question 1 of at most {longest}</p>', ""]
    lines += [f'<p class="botb-step" markdown>{step_label(question)}</p>', ""]
    chain_line: list[str] = []
    if chain is not None:
        # Under the heading the item names itself; in the caption, the checklist does.
        text = question.text if whole_checklist else chain.question
        chain_line = [
            f'<p class="botb-chain" data-chain="{attr(chain.group)}" '
            f'data-item="{chain.index + 1}" data-items="{chain.total}" markdown>'
            f"{md_text(text)} ({chain.index + 1} of {chain.total})</p>",
            "",
        ]
        if not whole_checklist:
            lines += chain_line
            chain_line = []
    lines += ["</div>", ""]
    lines += [
        f"# {md_text(heading)} {{ #{QUESTION_HEADING_ID} }}",
        "",
        _guide_div(question),
        "",
        *chain_line,
    ]
    if question.items:
        lines += ['<ul class="botb-items" markdown>']
        lines += [f"<li markdown>{md_text(item)}</li>" for item in question.items]
        lines += ["</ul>", ""]
    described = ""
    if question.hint:
        hint_id = f"hint-{question.id}"
        lines += [f'<p class="botb-hint" id="{hint_id}" markdown>{md_text(question.hint)}</p>', ""]
        described = f' aria-describedby="{hint_id}"'
    lines.append(f'<ul class="botb-options"{described} markdown>')
    for index, option in enumerate(question.options):
        target = page_link(src, node_src(guide.nodes[option.next]))
        fallback = ' data-fallback="true"' if option.fallback else ""
        attrs = (
            f'{{ .botb-option data-option="{index}" data-next="{attr(option.next)}"{fallback} }}'
        )
        item = f"[{md_text(option.label)}]({target}){attrs}"
        if option.hint:
            item += f' <span class="botb-option-hint">{md_text(option.hint)}</span>'
        lines.append(f"<li markdown>{item}</li>")
    lines += ["</ul>", ""]
    lines += [f'<p class="botb-restart" markdown>[Start again]({page_link(src, START_PAGE)})</p>']
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def _bullets(items: tuple[str, ...]) -> list[str]:
    return [f"- {md_text(item)}" for item in items]


def outcome_page(
    guide: Guide,
    outcome: Outcome,
    *,
    site_url: str,
    page_titles: Mapping[str, str],
    source_links: Mapping[str, tuple[str, str | None]],
    facts: tuple[str, ...] = (),
    aid: OutcomeAid | None = None,
) -> str:
    """Laid out for action: how soon, what to do now, the options compared, then why, the
    questions to ask, when to get help sooner and the sources (contract: docs/CONTRACT.md).

    ``facts``: what every path to this outcome told us (the script adds the reader's own).
    ``aid``: the approach facts from the content; without it the options are a plain list.
    """
    src = node_src(outcome)
    tier = guide.tiers[outcome.urgency]
    urgency = outcome.urgency.value
    acute = outcome.urgency in (Urgency.EMERGENCY, Urgency.URGENT)
    lines = _front(title=outcome.title, description=outcome.summary)
    lines += [f"# {md_text(outcome.title)}", ""]
    lines += [
        _guide_div(outcome, "botb-outcome", f' data-urgency="{urgency}"'),
        "",
        f'<div class="botb-card botb-card--{urgency}" role="note" '
        f'aria-label="How soon: {attr(tier.label)}" markdown>',
        f'<p class="botb-card__tier" markdown>{md_text(tier.label)}</p>',
        f"<p markdown>{safe_markdown(tier.action)}</p>",
        "</div>",
        "",
    ]
    if outcome.urgency is not Urgency.EMERGENCY:
        lines += [
            f'<p class="botb-crisis" data-crisis markdown>{safe_markdown(guide.meta.crisis)}</p>',
            "",
        ]
    lines += [f'<p class="botb-summary" markdown>{md_text(outcome.summary)}</p>', ""]
    if not acute:
        # Print and clear sit near the top; an emergency or same-day page has one job.
        lines += [
            # The link first: revealing the button after it moves nothing on screen.
            '<p class="botb-tools"><a href="./" data-clear>Clear my answers</a> '
            '<button type="button" data-print hidden>Print a discussion sheet</button></p>',
            "",
        ]
    if outcome.steps:
        lines += ["## What to do now", ""]
        lines += [f"{number}. {md_text(step)}" for number, step in enumerate(outcome.steps, 1)]
        lines.append("")
    approaches = [(approach.target, approach.reason) for approach in outcome.approaches]
    if aid is not None and not acute:
        lines += aid.section(page_path=src, approaches=approaches, wait_reason=outcome.wait or "")
    elif outcome.approaches:
        lines += ["## Approaches to discuss with your physio", ""]
        for approach in outcome.approaches:
            label = md_text(_page_label(approach.page, page_titles))
            target = page_link(src, approach.target)
            lines.append(f"- [{label}]({target}): {md_text(approach.reason)}")
        lines.append("")
    lines += [
        "## Why you are seeing this",
        "",
        '<details class="botb-answers" data-answers hidden markdown>',
        "<summary>Your answers</summary>",
        "</details>",
        "",
    ]
    if facts:
        lines += ['<div class="botb-facts" data-facts markdown>', ""]
        lines += ["From your answers:", "", *_bullets(facts), "", "</div>", ""]
    lines += [
        md_text(outcome.why),
        "",
        "This is not a diagnosis. Only a clinician who examines you can say what is going on.",
        "",
        f'<p class="botb-scope" data-scope markdown>{md_text(guide.meta.scope)}</p>',
        "",
    ]
    if outcome.notes:
        lines += ["## What the evidence says about ideas you may have met", ""]
        for note in outcome.notes:
            label = md_text(_page_label(note.page, page_titles))
            lines.append(f"- {md_text(note.text)} [{label}]({page_link(src, note.target)})")
        lines.append("")
    if outcome.ask:
        lines += ["## Questions to ask", "", *_bullets(outcome.ask), ""]
    sooner = [t for t in Urgency if t.more_urgent_than(outcome.urgency) and guide.signs_of(t)]
    if sooner or outcome.safety_net:
        lines += ["## Get help sooner", "", '<div class="botb-sooner" data-sooner markdown>', ""]
        if sooner:
            lines += [md_text(guide.meta.sooner), ""]
        for more_urgent in sooner:
            lines += sign_list(guide, more_urgent)
        if outcome.safety_net:
            lines += ["Also:", "", *_bullets(outcome.safety_net), ""]
        lines += ["</div>", ""]
    lines += ["## Sources", ""]
    for source in outcome.sources:
        label, ref = source_links.get(source.key) or (source.key, None)
        if ref is None:
            lines.append(f"- {md_text(label)}")
            continue
        lines.append(f"- [{md_text(label)}]({page_link(src, ref)})")
    references = page_link(src, "references.md")
    lines += ["", f"Full details are on the [References]({references}) page.", ""]
    if not acute:
        # Room to write during the appointment; only the printed sheet shows it.
        lines += ['<div class="botb-notes" aria-hidden="true"><p>Notes</p></div>', ""]
    status = guide.meta.review_status.replace("{reviewed}", long_date(outcome.reviewed))
    stamp = (
        f"Guide version {guide.meta.version}, reviewed {outcome.reviewed.isoformat()}. "
        f"{status} Printed from {site_url}guide/o/{outcome.id}/"
    )
    lines += [
        f'<p class="botb-sheet-meta" markdown>{md_text(stamp)} '
        "<span data-printed-on hidden></span></p>",
        "",
    ]
    lines += ["</div>", ""]
    return "\n".join(lines)


def start_page(guide: Guide) -> str:
    meta = guide.meta
    first = page_link(START_PAGE, node_src(guide.nodes[meta.start]))
    minutes = f"{meta.minutes} minute{'s' if meta.minutes != 1 else ''}"
    lines = _front(
        title=meta.title,
        description=(
            "A short set of questions that checks for warning signs first, then suggests "
            "approaches to discuss with your physio."
        ),
    )
    lines += [f"# {md_text(meta.title)}", ""]
    lines += [f'<p class="botb-scope" data-scope markdown>{md_text(meta.scope)}</p>', ""]
    # The start button comes before the details, inside the first screen on a phone; the
    # first question is itself the emergency checklist.
    lines += [f"[Start the guide]({first}){{ .md-button .md-button--primary .botb-start }}", ""]
    lines += [
        '<div class="botb-emergency" role="note" data-emergency markdown>',
        "",
        f"**{md_text(meta.signs_intro)}**",
        "",
        *sign_list(guide, Urgency.EMERGENCY),
        f"[Get urgent help]({page_link(START_PAGE, 'urgent-help.md')})",
        "",
        "</div>",
        "",
    ]
    lines += [safe_markdown(meta.intro), ""]
    lines += [
        "## What this guide is",
        "",
        f"It takes about {minutes}. It asks one question per page. The first questions check "
        "for warning signs that need care quickly. Then it asks about your symptoms and ends "
        "with how soon to get care and approaches worth discussing with your physio.",
        "",
        "## What it is not",
        "",
        "It is not a diagnosis and it does not replace a clinician. It cannot examine you. "
        "If you are worried, or your symptoms change, get medical advice.",
        "",
        "## Your privacy",
        "",
        "Your answers stay in your browser. Nothing is stored or sent anywhere. They only "
        "appear in the page address, so you can go back, or share the link if you choose.",
        "",
        f"[Start the guide]({first}){{ .md-button .md-button--primary .botb-start }}",
        "",
        f"Guide version {md_text(meta.version)}, reviewed {meta.reviewed.isoformat()}.",
        "",
    ]
    return "\n".join(lines)


def _outcome_ref(src: str, outcome: Outcome) -> str:
    target = page_link(src, node_src(outcome))
    return f"outcome: [{md_text(outcome.title)}]({target}) ({outcome.urgency.value})"


def outline_page(guide: Guide) -> str:
    """Every question once, depth first, each answer one level in.

    Nesting each question under the answer before it put the end of the screening thirty
    levels deep, wider than a phone or a window zoomed to 200%; a flat list of questions
    whose answers link on to the next keeps every line at full width.
    """
    src = OUTLINE_PAGE
    # Reviewer pages stay out of site search: the path book alone was most of the index
    # that every page downloads, and readers search for advice, not for paths.
    lines = _front(
        title="Guide outline",
        description="Every question and answer in the guide.",
        searchable=False,
    )
    lines += [
        "# Guide outline",
        "",
        "Every question in the guide, written out once, with each answer and where it leads. "
        "An answer that leads to another question links to where that question is in this list.",
        "",
    ]
    seen: set[str] = set()
    # An explicit stack keeps deep trees off the Python call stack.
    stack = [guide.meta.start]
    while stack:
        node = guide.nodes[stack.pop()]
        if not isinstance(node, Question) or node.id in seen:
            continue
        seen.add(node.id)
        page = page_link(src, node_src(node))
        kind = "Screening question" if node.screening else "Question"
        lines.append(f'- <span id="q-{node.id}"></span>{kind}: [{md_text(node.text)}]({page})')
        for option in node.options:
            after = guide.nodes[option.next]
            if isinstance(after, Outcome):
                where = _outcome_ref(src, after)
            else:
                where = f"question: [{md_text(after.text)}](#q-{after.id})"
            lines.append(f"    - Answer **{md_text(option.label)}** → {where}")
        stack.extend(reversed(node.successors))
    lines.append("")
    return "\n".join(lines)


def map_page(guide: Guide, *, svg: str) -> str:
    outline = page_link(MAP_PAGE, OUTLINE_PAGE)
    lines = _front(
        title="Guide map", description="A diagram of every question and outcome.", searchable=False
    )
    lines += [
        "# Guide map",
        "",
        "A diagram of the whole guide: questions, answers on the arrows, and outcomes "
        f"coloured by how soon to get care. The same content as text is in the "
        f"[guide outline]({outline}).",
        "",
        f'<div class="botb-map">{svg}</div>',
        "",
    ]
    return "\n".join(lines)


def paths_page(guide: Guide, *, paths: Sequence[AnswerPath], stats: PathStats) -> str:
    """Where the paths end, outcome by outcome; every path in full is the path book file.

    Listing all of them here made a page too large to open on a phone (over a thousand
    paths once checklists are asked item by item); the text file is what clinicians sign.
    """
    src = PATHS_PAGE
    lines = _front(
        title="Guide path book",
        description="Every answer path and where it ends.",
        searchable=False,
    )
    ending: dict[str, list[AnswerPath]] = {}
    for path in paths:
        ending.setdefault(path.outcome.id, []).append(path)
    lines += [
        "# Guide path book",
        "",
        f"Every way through the guide, for clinical review: {stats.paths} paths to "
        f"{stats.outcomes} outcomes. The longest asks {stats.max_questions} questions; "
        f"the median asks {stats.median_questions:g}. Every path in full, with the wording "
        f"of every tier and warning sign, is in the [path book file](paths.txt) "
        "(the same text as `guide/PATHS.txt`).",
        "",
        "| Outcome | How soon | Paths that end here | Shortest path |",
        "|---|---|---|---|",
    ]
    for ended in ending.values():
        outcome = ended[0].outcome
        target = page_link(src, node_src(outcome))
        shortest = min(ended, key=lambda path: len(path.steps))
        steps = " → ".join(md_text(option.label) for _, option in shortest.steps)
        lines.append(
            f"| [{md_text(outcome.title)}]({target}) | {outcome.urgency.value} | "
            f"{len(ended)} | {steps} |"
        )
    lines.append("")
    return "\n".join(lines)
