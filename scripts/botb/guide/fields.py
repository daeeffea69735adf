"""The one declaration of the guide YAML format.

The loader validates files against it and ``schema`` turns it into the JSON Schema editors
get autocompletion from, so the two can never disagree.
"""

from __future__ import annotations

from botb.guide.model import Urgency
from botb.shapes import (
    ID_REGEX,
    SOURCE_KEY,
    Boolean,
    Choice,
    Date,
    Field,
    Integer,
    ListOf,
    MapOf,
    Pattern,
    Record,
    Tagged,
    Text,
)

NODE_ID = Pattern(
    regex=ID_REGEX,
    rule="use lowercase letters, digits and single hyphens, starting with a letter, "
    "e.g. leg-weakness",
)
NEXT = Pattern(
    regex=ID_REGEX.removesuffix("$") + "(--[0-9]+)?$",
    rule="use a node id, or a checklist item as id--N (N counts from 1), e.g. same-day-signs--3",
)
PAGE = Pattern(
    regex=r"^[a-z0-9][a-z0-9/_-]*\.md(#[A-Za-z0-9_-]+)?$",
    rule="use a docs-relative Markdown path, optionally with #anchor, e.g. approaches/bike-fit.md",
)
TIER_KEY = Pattern(
    regex=r"^(emergency|urgent|soon|routine|self-care)$",
    rule="use a tier: emergency, urgent, soon, routine or self-care",
)
VERSION = Pattern(
    regex=r"^[0-9]{4}\.[0-9]{1,2}\.[0-9]+$",
    rule='use YEAR.MONTH.NUMBER in quotes, e.g. "2026.11.1"',
)

TIER = Choice(tuple(u.value for u in Urgency))

OPTION = Record(
    name="option",
    description="One answer to a question.",
    fields=(
        Field(
            "label",
            Text(),
            "The answer as the reader sees it (plain text); on a checklist item the sign's "
            "text is used instead.",
        ),
        Field("hint", Text(), "Optional extra words under the answer (plain text)."),
        Field("next", NEXT, "Id of the node this answer leads to.", required=True),
        Field(
            "signs",
            ListOf(NODE_ID, min_items=1),
            "Ids of the warning signs (signs.yml) this answer says the reader has; the "
            "answer's floor is the most urgent of their tiers.",
        ),
        Field(
            "floor",
            TIER,
            "No outcome after this answer may be less urgent than this tier "
            "(emergency, urgent, soon, routine or self-care).",
        ),
        Field(
            "fallback",
            Boolean(),
            "True for the answer a reader whose story fits no other answer picks "
            "(somewhere else, none of these, not sure). Every question needs one.",
        ),
        Field(
            "none",
            Boolean(),
            "On a checklist question: the answer for a reader to whom no item applies.",
        ),
        Field(
            "unsure",
            NODE_ID,
            "On a checklist item: the follow-up question for a reader who is not sure "
            "(without it, not sure counts as yes).",
        ),
        Field(
            "fact",
            Text(),
            "What this answer tells us, as the outcome repeats it to the reader "
            "(plain text, e.g. 'The pain spreads into one leg, below the knee.').",
        ),
    ),
)

SIGN = Record(
    name="sign",
    description="One warning sign, stated once: every page that lists it renders this text.",
    fields=(
        Field("text", Text(), "The sign in the reader's words (plain text).", required=True),
        Field("tier", TIER, "How soon a reader with this sign needs care.", required=True),
        Field(
            "sources",
            ListOf(SOURCE_KEY, min_items=1),
            "Bibliography keys that support the sign and its tier.",
            required=True,
        ),
    ),
)

TIER_TEXT = Record(
    name="tier",
    description="What one urgency tier says to the reader.",
    fields=(
        Field(
            "label",
            Text(),
            "Short name of the tier, e.g. 'Urgent: get advice today'.",
            required=True,
        ),
        Field(
            "action",
            Text(markdown=True),
            "What to do, in one or two sentences (Markdown, for tel: links).",
            required=True,
        ),
        Field(
            "signs_heading",
            Text(),
            "Heading above this tier's warning signs wherever they are listed.",
            required=True,
        ),
    ),
)

APPROACH = Record(
    name="approach",
    description="An approach page worth discussing with a physio, and why.",
    fields=(
        Field("page", PAGE, "Docs-relative path of the approach page.", required=True),
        Field("reason", Text(), "Why it is worth discussing for this reader.", required=True),
    ),
)

NOTE = Record(
    name="note",
    description="An idea the reader may have met, and the page with what the evidence says.",
    fields=(
        Field(
            "page", PAGE, "Docs-relative path of the page that covers the evidence.", required=True
        ),
        Field("text", Text(), "The honest note, in one or two sentences.", required=True),
    ),
)

QUESTION = Record(
    name="question",
    description="A question with answers; each answer leads to another node.",
    fields=(
        Field("type", Choice(("question",)), "This node asks a question.", required=True),
        Field("text", Text(), "The question (plain text).", required=True),
        Field("hint", Text(), "Optional help under the question (plain text)."),
        Field(
            "screening",
            Boolean(),
            "True for a red-flag screening question; these come before all others.",
        ),
        Field(
            "follow_up",
            Boolean(),
            "True for a screening question that settles a 'not sure' answer; unlike the "
            "other screening questions, not every path asks it.",
        ),
        Field(
            "multiple",
            Boolean(),
            "True for a checklist: the reader ticks every item that applies and the most "
            "urgent wins. Items are options with one sign each, most urgent first, plus one "
            "'none: true' option. Without JavaScript it is asked as a chain of yes/no pages.",
        ),
        Field(
            "items",
            ListOf(Text(), min_items=1),
            "Statements shown as a list under the question, e.g. criteria to count.",
        ),
        Field(
            "options",
            ListOf(OPTION, min_items=1),
            "The answers, in the order shown.",
            required=True,
        ),
    ),
)

OUTCOME = Record(
    name="outcome",
    description="Where a path ends: how soon to get care and what to discuss.",
    fields=(
        Field("type", Choice(("outcome",)), "This node is an outcome.", required=True),
        Field(
            "urgency",
            TIER,
            "How soon to get care: emergency, urgent, soon, routine or self-care.",
            required=True,
        ),
        Field("title", Text(), "Outcome title (plain text).", required=True),
        Field("summary", Text(), "One or two sentences (plain text).", required=True),
        Field("why", Text(), "Why the reader got here, their answers in words.", required=True),
        Field(
            "steps",
            ListOf(Text(), min_items=2),
            "What to do now: 2 to 4 numbered steps, most important first (required on "
            "soon, routine and self-care outcomes).",
        ),
        Field(
            "wait",
            Text(),
            "What keeping riding and waiting, with sensible changes, means for this reader: "
            "the option every soon, routine and self-care outcome compares with the others.",
        ),
        Field(
            "approaches",
            ListOf(APPROACH),
            "Approach pages worth discussing (none for emergency and urgent outcomes).",
        ),
        Field(
            "notes",
            ListOf(NOTE),
            "Honest notes on ideas the reader may have met (e.g. scans, pelvic tilt), "
            "each linking the page with the evidence.",
        ),
        Field("ask", ListOf(Text()), "Questions to ask the physio or clinician."),
        Field(
            "safety_net",
            ListOf(Text()),
            "Get help sooner if... (required on every non-emergency outcome).",
        ),
        Field(
            "sources",
            ListOf(SOURCE_KEY, min_items=1),
            "Bibliography keys that support this outcome.",
            required=True,
        ),
        Field(
            "reviewed", Date(), "When this outcome was last reviewed (YYYY-MM-DD).", required=True
        ),
    ),
)

NODE = Tagged(tag="type", variants=(("question", QUESTION), ("outcome", OUTCOME)))

META = Record(
    name="guide",
    description="Guide-wide settings; exactly one file has this block.",
    fields=(
        Field("title", Text(), "Title of the guide.", required=True),
        Field(
            "version", VERSION, "Content version stamped on outcomes and printouts.", required=True
        ),
        Field("reviewed", Date(), "When the guide was last reviewed (YYYY-MM-DD).", required=True),
        Field("start", NODE_ID, "Id of the first node (a screening question).", required=True),
        Field("minutes", Integer(1, 60), "How many minutes the guide takes.", required=True),
        Field(
            "intro", Text(markdown=True), "Markdown paragraphs for the start page.", required=True
        ),
        Field(
            "scope",
            Text(),
            "One plain line on what the guide cannot do, shown at its start and on every outcome.",
            required=True,
        ),
        Field(
            "crisis",
            Text(markdown=True),
            "One line naming crisis lines (Markdown, with tel: links), on every "
            "non-emergency outcome.",
            required=True,
        ),
        Field(
            "signs_intro",
            Text(),
            "The line above the emergency signs on the guide's start page and the home page.",
            required=True,
        ),
        Field(
            "sooner",
            Text(),
            "The line that opens 'get help sooner' on every non-emergency outcome.",
            required=True,
        ),
        Field(
            "review_status",
            Text(),
            "Review status on every outcome and printout; {reviewed} becomes the outcome's "
            "review date, e.g. 'Checked against the sources on {reviewed}; clinical "
            "sign-off pending.'",
            required=True,
        ),
        Field(
            "chain_yes",
            Text(),
            "Yes answer of a checklist asked one item at a time.",
            required=True,
        ),
        Field(
            "chain_yes_unsure",
            Text(),
            "Yes answer of a checklist item without a follow-up: not sure counts as yes.",
            required=True,
        ),
        Field(
            "chain_no", Text(), "No answer of a checklist asked one item at a time.", required=True
        ),
        Field(
            "chain_unsure",
            Text(),
            "Not sure answer of a checklist item with a follow-up.",
            required=True,
        ),
    ),
)

FILE = Record(
    name="file",
    description="One guide YAML file; all *.yml files in guide/ are merged.",
    fields=(
        Field("guide", META, "Guide-wide settings (exactly one file has this block)."),
        Field(
            "nodes",
            MapOf(key=NODE_ID, value=NODE, key_name="node id"),
            "Questions and outcomes, keyed by node id.",
        ),
        Field(
            "signs",
            MapOf(key=NODE_ID, value=SIGN, key_name="sign id"),
            "The warning-sign registry, keyed by sign id.",
        ),
        Field(
            "tiers",
            MapOf(key=TIER_KEY, value=TIER_TEXT, key_name="tier"),
            "What each urgency tier says to the reader; one entry per tier.",
        ),
    ),
)
