"""The decision aid, rendered from approach facts: "In short" boxes, the compare table, the
option cards on guide outcomes and the reader's values step.

One set of rows (``fact_rows``) feeds the box on an approach page and the card on an
outcome, so every option shows benefits and downsides in the same order and detail.
Every word comes from the page's facts or from facts.yml. Contract: docs/CONTRACT.md.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from botb.content.bibliography import Bibliography, Entry
from botb.content.facts import ApproachFacts, FactWords, People
from botb.content.frontmatter import EVIDENCE_GRADES, PageMeta
from botb.content.icon_array import icon_array
from botb.content.references import (
    EVIDENCE_LABELS,
    GRADING_ANCHOR,
    GRADING_PAGE,
    REFERENCES_PAGE,
    anchor_for,
)
from botb.escape import attr, html_text, md_text
from botb.links import page_link

WAIT_CHOICE = "wait"  # data-choice of the "keep riding and wait" option on every outcome


@dataclass(frozen=True)
class Option:
    """One row of a comparison: a page's facts, or a second graded row of the same page."""

    name: str
    target: str  # docs-relative page, with #anchor for a page's second graded row
    facts: ApproachFacts
    direction: str
    grade: str
    evidence_for: str | None


def options_of(meta: PageMeta) -> list[Option]:
    """The page's own option, then one per ``evidence_more`` row (with its own direction
    and grade; the practical facts are the page's)."""
    if meta.facts is None:
        return []
    found: list[Option] = []
    if meta.evidence is not None:
        found.append(
            Option(
                meta.title,
                meta.path,
                meta.facts,
                meta.facts.direction,
                meta.evidence,
                meta.evidence_for,
            )
        )
    for extra in meta.evidence_more:
        found.append(
            Option(
                extra.name,
                f"{meta.path}#{extra.anchor}",
                meta.facts,
                extra.direction,
                extra.grade,
                extra.evidence_for,
            )
        )
    return found


def short_source(entry: Entry) -> str:
    """How a source is named in a box: "Hayden 2021", "NICE 2016", "da C Menezes Costa 2012"
    (the first author's surname without the initials Vancouver style puts after it)."""
    authors = entry.authors
    if "(" in authors and ")" in authors:
        return f"{authors[authors.index('(') + 1 : authors.index(')')]} {entry.year}"
    words = authors.split(",")[0].split()
    if len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 3:
        words = words[:-1]
    return f"{' '.join(words)} {entry.year}"


def _lower_first(label: str) -> str:
    """A label inside a phrase: "Under 1 hour a week" -> "under 1 hour a week"."""
    return label[:1].lower() + label[1:]


def _in_sentence(labels: Sequence[str]) -> str:
    """Labels joined as one phrase: "At home, on the bike"."""
    return ", ".join(
        label if index == 0 else _lower_first(label) for index, label in enumerate(labels)
    )


@dataclass(frozen=True)
class Renderer:
    """Renders facts for one page (links are relative to ``page_path``)."""

    words: FactWords
    bibliography: Bibliography
    page_path: str
    # Fact lists already rendered with the same words and sources, by (option, the page's
    # folder, figure id): a list's links depend only on the folder it is read from.
    fact_lists: dict[tuple[Option, str, str], tuple[str, ...]] | None = field(
        default=None, compare=False, repr=False
    )

    def heading(self, key: str) -> str:
        return self.words.headings[key]

    def cite(self, key: str) -> str:
        entry = self.bibliography.entries.get(key)
        if entry is None:
            return md_text(key)
        target = page_link(self.page_path, f"{REFERENCES_PAGE}#{anchor_for(key)}")
        return f"[{md_text(short_source(entry))}]({target})"

    def certainty(self, option: Option) -> str:
        grading = page_link(self.page_path, f"{GRADING_PAGE}#{GRADING_ANCHOR}")
        label = md_text(EVIDENCE_LABELS[option.grade].capitalize())
        about = f", {md_text(option.evidence_for)}" if option.evidence_for else ""
        return f"[{label}]({grading}){about}"

    def direction(self, option: Option) -> str:
        words = self.words
        label = md_text(words.label("direction", option.direction))
        return f"**{label}.** {md_text(words.meaning('direction', option.direction))}"

    def effect(self, facts: ApproachFacts) -> str:
        effect = facts.effect
        if effect is None:
            return md_text(self.heading("no_numbers"))
        return (
            f"{md_text(effect.size)}, {md_text(self.heading('compared_with'))} "
            f"{md_text(effect.compared_with)}, {md_text(self.heading('time_frame'))} "
            f"{md_text(effect.time_frame)} ({self.cite(effect.source)})"
        )

    def people_text(self, people: People) -> str:
        template = "people_text" if people.without is not None else "people_text_alone"
        text = self.heading(template).format(
            **{
                "with": people.with_,
                "without": people.without,
                "outcome": people.outcome,
                "compared_with": people.compared_with,
                "time_frame": people.time_frame,
            }
        )
        return f"{md_text(text)} ({self.cite(people.source)})"

    def rows(self, option: Option) -> list[tuple[str, str]]:
        """(heading, Markdown value) in one fixed order: what it may do, then what it asks
        of you, then its downsides."""
        facts = option.facts
        words = self.words
        yes_no = self.heading("yes") if facts.hands_on else self.heading("no")
        cost_label = md_text(words.label("cost", facts.cost))
        cost = f"{cost_label}: {md_text(words.meaning('cost', facts.cost))}"
        places = md_text(_in_sentence([words.label("where", place) for place in facts.where]))
        band = _lower_first(words.label("effort", facts.effort))
        time = f"{md_text(facts.time_per_week)} ({md_text(band)})"
        return [
            (self.heading("direction"), self.direction(option)),
            (self.heading("certainty"), self.certainty(option)),
            (self.heading("effect"), self.effect(facts)),
            (self.heading("try_for"), md_text(facts.try_for)),
            (self.heading("time_per_week"), time),
            (self.heading("cost"), cost),
            (self.heading("where"), places),
            (self.heading("hands_on"), md_text(yes_no)),
            (self.heading("downsides"), md_text(facts.downsides)),
            (self.heading("serious"), md_text(facts.serious)),
        ]

    def fact_list(self, option: Option, *, people_id: str) -> tuple[str, ...]:
        if self.fact_lists is None:
            return self._fact_list(option, people_id=people_id)
        key = (option, posixpath.dirname(self.page_path), people_id)
        lines = self.fact_lists.get(key)
        if lines is None:
            lines = self.fact_lists[key] = self._fact_list(option, people_id=people_id)
        return lines

    def _fact_list(self, option: Option, *, people_id: str) -> tuple[str, ...]:
        lines = ['<ul class="botb-fact-list" markdown>']
        lines += [
            f'<li markdown><span class="botb-fact-list__k">{md_text(key)}:</span> {value}</li>'
            for key, value in self.rows(option)
        ]
        lines += ["</ul>", ""]
        lines += self.people(option.facts.people, name=option.name, figure_id=people_id)
        return tuple(lines)

    def people(self, people: People | None, *, name: str, figure_id: str) -> list[str]:
        heading = md_text(self.heading("people"))
        if people is None:
            # Said in one line, so the cards stay short where no source counts people.
            return [
                f'<p class="botb-people botb-people--none" markdown>**{heading}:** '
                f"{md_text(self.heading('no_people'))}</p>",
                "",
            ]
        text_id = f"{figure_id}-text"
        arrays = [
            icon_array(
                people.with_, label=name, figure_id=f"{figure_id}-with", described_by=text_id
            )
        ]
        if people.without is not None:
            arrays.append(
                icon_array(
                    people.without,
                    label=people.compared_with,
                    figure_id=f"{figure_id}-without",
                    described_by=text_id,
                )
            )
        return [
            '<div class="botb-people" markdown>',
            "",
            f'<p class="botb-people__title" markdown>**{heading}**</p>',
            "",
            '<div class="botb-people__arrays">',
            *arrays,
            "</div>",
            "",
            f'<p id="{attr(text_id)}" markdown>{self.people_text(people)}</p>',
            "",
            "</div>",
            "",
        ]

    def in_short(self, meta: PageMeta) -> str:
        """The box that opens an approach page."""
        options = options_of(meta)
        if not options:
            return ""
        lines = ['<div class="botb-in-short" data-in-short markdown>', ""]
        lines += [
            f'<p class="botb-in-short__title" markdown>**{md_text(self.heading("in_short"))}**</p>',
            "",
        ]
        first, *more = options
        lines += self.fact_list(first, people_id=f"people-{_slug(meta.path)}")
        for extra in more:
            # A second graded row on the page differs only in what the evidence says.
            lines += [f'<p class="botb-in-short__more" markdown>**{md_text(extra.name)}**</p>', ""]
            lines += ['<ul class="botb-fact-list" markdown>']
            lines += [
                f'<li markdown><span class="botb-fact-list__k">{md_text(self.heading(key))}:'
                f"</span> {value}</li>"
                for key, value in (
                    ("direction", self.direction(extra)),
                    ("certainty", self.certainty(extra)),
                )
            ]
            lines += ["</ul>", ""]
        lines += ["</div>", ""]
        return "\n".join(lines)

    def choice(self, option: Option, *, choice: str, reason: str) -> list[str]:
        """One option card on a guide outcome (contract: data-choice, data-direction,
        data-certainty, data-fits)."""
        fits = " ".join(value.id for value in self.words.values if option.facts.fits(value))
        link = page_link(self.page_path, option.target)
        lines = [
            f'<div class="botb-choice" data-choice="{attr(choice)}" '
            f'data-direction="{attr(option.direction)}" data-certainty="{attr(option.grade)}" '
            f'data-fits="{attr(fits)}" markdown>',
            "",
            f'<h3 class="botb-choice__name" markdown>[{md_text(option.name)}]({link})</h3>',
            "",
            f'<p class="botb-choice__why" markdown>{md_text(reason)}</p>',
            "",
            f'<p class="botb-choice__fits" data-fits-note hidden markdown>'
            f"{md_text(self.words.values_fit)}</p>",
            "",
        ]
        lines += self.fact_list(option, people_id=f"people-{_slug(choice)}")
        lines += ["</div>", ""]
        return lines

    def values_form(self) -> list[str]:
        """The values step and the readiness check: checkboxes only; the page script keeps
        the ticks in the address (contract: data-values)."""
        words = self.words
        values = [(value.id, value.label) for value in words.values]
        ready = [(item.id, item.text) for item in words.ready]
        return [
            '<form class="botb-values" data-values>',
            *_checkboxes(words.values_heading, words.values_intro, "v", "value", values),
            *_checkboxes(
                words.ready_heading,
                words.ready_intro,
                "r",
                "ready",
                ready,
                attrs=" data-ready",
                after=words.ready_unsure,
            ),
            "</form>",
            "",
        ]


def _checkboxes(
    legend: str,
    intro: str,
    name: str,
    prefix: str,
    items: Sequence[tuple[str, str]],
    *,
    attrs: str = "",
    after: str = "",
) -> list[str]:
    """One fieldset of labelled checkboxes named ``name``, valued by item id."""
    lines = [
        f'<fieldset class="botb-values__set"{attrs}>',
        f"<legend>{html_text(legend)}</legend>",
        f"<p>{html_text(intro)}</p>",
        '<ul class="botb-values__items">',
    ]
    for item_id, label in items:
        box = f"{prefix}-{item_id}"
        lines.append(
            f'<li><input type="checkbox" id="{attr(box)}" name="{name}" value="{attr(item_id)}">'
            f' <label for="{attr(box)}">{html_text(label)}</label></li>'
        )
    lines.append("</ul>")
    if after:
        lines.append(f"<p>{html_text(after)}</p>")
    return [*lines, "</fieldset>"]


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.removesuffix(".md")).strip("-")


# --- the compare table ---------------------------------------------------------------------

TABLE_COLUMNS = (
    "direction",
    "certainty",
    "try_for",
    "time_per_week",
    "cost",
    "where",
    "downsides",
    "serious",
)


def _table_cells(renderer: Renderer, option: Option) -> list[str]:
    """Short cells: the labels, not their meanings (the legend under the table has those);
    the full rows are in each page's "In short" box."""
    words = renderer.words
    facts = option.facts
    return [
        f"**{md_text(words.label('direction', option.direction))}**",
        renderer.certainty(option),
        md_text(facts.try_for),
        md_text(words.label("effort", facts.effort)),
        md_text(words.label("cost", facts.cost)),
        md_text(_in_sentence([words.label("where", place) for place in facts.where])),
        md_text(facts.downsides),
        md_text(facts.serious),
    ]


def render_compare_table(approaches: Iterable[PageMeta], *, renderer: Renderer) -> str:
    """Every option in one table: direction and certainty in separate columns, then what it
    asks of you and its downsides, then a legend of the words used.

    Rows run from the most to the least certain evidence, then by name, so the table reads
    as "what is best supported" without ranking options within a grade.
    """
    options = sorted(
        (option for meta in approaches for option in options_of(meta)),
        key=lambda option: (EVIDENCE_GRADES.index(option.grade), option.name.casefold()),
    )
    if not options:
        return ""
    headings = [renderer.heading(key) for key in TABLE_COLUMNS]
    lines = [
        '<div class="botb-compare-table" data-compare-table markdown>',
        "",
        "| Approach | " + " | ".join(md_text(h) for h in headings) + " |",
        "| --- |" + " --- |" * len(headings),
    ]
    for option in options:
        link = f"[{md_text(option.name)}]({page_link(renderer.page_path, option.target)})"
        lines.append(f"| {link} | " + " | ".join(_table_cells(renderer, option)) + " |")
    lines += ["", "</div>", ""]
    words = renderer.words
    for vocabulary in ("direction", "cost"):
        lines += [f"**{md_text(renderer.heading(vocabulary))}:**", ""]
        lines += [
            f"- **{md_text(word.label)}:** {md_text(word.meaning)}"
            for word in words.words[vocabulary].values()
        ]
        lines.append("")
    return "\n".join(lines)


def choices_for(
    pages: Sequence[tuple[str, str]], *, metas: Mapping[str, PageMeta]
) -> list[tuple[Option, str]]:
    """The (option, reason) pairs for an outcome's approach list: pages with facts become
    options; the rest (background reading) are left to the caller's reading list."""
    found: list[tuple[Option, str]] = []
    for page, reason in pages:
        meta = metas.get(page.partition("#")[0])
        if meta is None:
            continue
        options = options_of(meta)
        anchor = page.partition("#")[2]
        chosen = [o for o in options if o.target == page] if anchor else options[:1]
        found.extend((option, reason) for option in chosen)
    return found


@dataclass(frozen=True)
class OutcomeAid:
    """What a guide outcome needs from the content to compare its options."""

    words: FactWords
    bibliography: Bibliography
    pages: Mapping[str, PageMeta]  # docs-relative path -> checked page
    wait: PageMeta  # the "keep riding and wait" page
    # Outcome pages share one folder and most of their options: each card's fact list is
    # rendered once a build and reused on every outcome that offers the option.
    _fact_lists: dict[tuple[Option, str, str], tuple[str, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def section(
        self, *, page_path: str, approaches: Sequence[tuple[str, str]], wait_reason: str
    ) -> list[str]:
        """The values step, one card per option (the wait option last), then background
        pages that are reading rather than options."""
        renderer = Renderer(
            words=self.words,
            bibliography=self.bibliography,
            page_path=page_path,
            fact_lists=self._fact_lists,
        )
        lines = [
            f"## {md_text(renderer.heading('compare'))}",
            "",
            md_text(renderer.heading("compare_intro")),
            "",
            *renderer.values_form(),
            '<div class="botb-compare" data-compare markdown>',
            "",
        ]
        for option, reason in choices_for(approaches, metas=self.pages):
            page, _, anchor = option.target.partition("#")
            name = page.removesuffix(".md").rsplit("/", 1)[-1] + (f"-{anchor}" if anchor else "")
            lines += renderer.choice(option, choice=name, reason=reason)
        for option in options_of(self.wait)[:1]:
            lines += renderer.choice(option, choice=WAIT_CHOICE, reason=wait_reason)
        lines += ["</div>", ""]
        reading = []
        for page, reason in approaches:
            meta = self.pages.get(page.partition("#")[0])
            if meta is None or meta.facts is None:
                title = meta.title if meta is not None else page
                reading.append(
                    f"- [{md_text(title)}]({page_link(page_path, page)}): {md_text(reason)}"
                )
        if reading:
            lines += [f"### {md_text(renderer.heading('read_more'))}", "", *reading, ""]
        return lines
