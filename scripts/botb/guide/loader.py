"""Read every guide YAML file, validate it against the format ``model`` declares and build
the model.

Every problem in every file is collected before anything is raised, so an editor sees the
whole list at once, each with file:line:column.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from botb.diagnostics import Diagnostic, DiagnosticError, Location, display_path, read_source
from botb.guide.model import (
    FILE,
    TIER,
    Approach,
    Chain,
    Guide,
    Meta,
    Node,
    Note,
    Option,
    Outcome,
    Question,
    Sign,
    Source,
    TierText,
    Urgency,
    yaml_fields,
)
from botb.shapes import Boolean, Date, ListOf, Shape, Text, as_date, plain_text, validate
from botb.yamlsource import PosDict, PosList, collector_paused, load_yaml

GUIDE_SUFFIXES = (".yml", ".yaml")
_DATE_LIKE = re.compile(r"(?<![\w.:-])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![\w.:-])")


def guide_files(guide_dir: Path) -> list[Path]:
    """The guide's YAML files in the order they are merged."""
    if not guide_dir.is_dir():
        return []
    return sorted(p for p in guide_dir.iterdir() if p.is_file() and p.suffix in GUIDE_SUFFIXES)


def _bad_date(text: str, *, path: str, error: ValueError) -> Diagnostic:
    """PyYAML raises a bare ValueError for dates like 2026-13-01; find and point at it."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _DATE_LIKE.finditer(line):
            year, month, day = (int(part) for part in match.groups())
            try:
                dt.date(year, month, day)
            except ValueError as problem:
                where = Location(path, number, match.start() + 1)
                return Diagnostic(where, f"{match.group(0)!r} is not a real date: {problem}")
    return Diagnostic(Location(path), f"YAML syntax: {error}")


def _optional(data: PosDict, key: str) -> str | None:
    value = data.get(key)
    return plain_text(value) if isinstance(value, str) else None


def _converted(shape: Shape, value: Any) -> Any:
    """A value that passed ``shape``, as the model keeps it."""
    if isinstance(shape, Text):
        return plain_text(value)
    if isinstance(shape, Boolean):
        return bool(value)
    if isinstance(shape, Date):
        return as_date(value)
    if shape == TIER:
        return Urgency(value)
    if isinstance(shape, ListOf):
        return tuple(_converted(shape.item, item) for item in value)
    return value


def _read(model: type, data: PosDict, **worked_out: Any) -> dict[str, Any]:
    """The keyword arguments that build ``model`` from a validated YAML mapping: every YAML
    attribute the mapping holds, converted by its shape, and ``worked_out`` for the rest
    (ids, positions, records with their own locations). An absent key keeps its default."""
    read = {
        field.name: _converted(field.shape, data[field.name])
        for field in yaml_fields(model)
        if field.name in data and field.name not in worked_out
    }
    return {**read, **worked_out}


def _option(item: PosDict, where: Location, *, label: str | None = None) -> Option:
    labelled = {} if label is None else {"label": label}
    return Option(
        **_read(Option, item, location=where, next_location=item.value_at("next"), **labelled)
    )


def _question(node_id: str, data: PosDict, where: Location) -> Question:
    items: PosList = data["options"]
    options = tuple(_option(item, items.item_at(i)) for i, item in enumerate(items))
    return Question(**_read(Question, data, id=node_id, options=options, location=where))


def chain_id(group: str, index: int) -> str:
    """The id of a checklist's yes/no page; '--' cannot occur in an editor's node id."""
    return group if index == 0 else f"{group}--{index + 1}"


def _checklist_problems(node_id: str, data: PosDict) -> list[Diagnostic]:
    """A checklist is items with one sign each plus exactly one 'none' answer."""
    found = []
    items: PosList = data["options"]
    nones = [i for i, item in enumerate(items) if item.get("none")]
    if len(nones) != 1:
        found.append(
            Diagnostic(
                items.item_at(nones[1]) if len(nones) > 1 else data.key_at("options"),
                f"checklist {node_id!r} needs exactly one answer with 'none: true' "
                "(for a reader to whom no item applies)",
            )
        )
    for index, item in enumerate(items):
        signs = item.get("signs") or ()
        if item.get("none"):
            if signs:
                found.append(
                    Diagnostic(
                        items.item_at(index),
                        f"the 'none' answer of checklist {node_id!r} cannot carry signs",
                    )
                )
            if "label" not in item:
                found.append(
                    Diagnostic(
                        items.item_at(index),
                        f"the 'none' answer of checklist {node_id!r} needs a 'label'",
                    )
                )
        elif len(signs) > 1 or not (signs or ("label" in item and "floor" in item)):
            found.append(
                Diagnostic(
                    items.item_at(index),
                    f"item {index + 1} of checklist {node_id!r} needs exactly one sign "
                    "(signs: [sign-id], whose text is the item's wording) or a label and "
                    "a floor",
                )
            )
    return found


def _checklist(
    node_id: str, data: PosDict, where: Location, *, signs: dict[str, Sign], meta: PosDict
) -> list[Question]:
    """A checklist as the chain of yes/no questions it is asked as without JavaScript."""
    raw: PosList = data["options"]
    items = [(i, item) for i, item in enumerate(raw) if not item.get("none")]
    none = next(item for item in raw if item.get("none"))
    none_where = raw.item_at(next(i for i, item in enumerate(raw) if item.get("none")))
    total = len(items)
    chain = []
    for index, (raw_index, item) in enumerate(items):
        sign_id = (item.get("signs") or [""])[0]
        sign = signs.get(sign_id)
        text = plain_text(item["label"]) if "label" in item else (sign.text if sign else sign_id)
        at = raw.item_at(raw_index)
        last = index == total - 1
        no_next = none["next"] if last else chain_id(node_id, index + 1)
        yes = _option(item, at, label=plain_text(meta["chain_yes_unsure"]))
        no = Option(
            label=plain_text(meta["chain_no"]),
            hint=None,
            next=no_next,
            location=none_where if last else at,
            next_location=none.value_at("next") if last else at,
            signs=tuple(none.get("signs") or ()) if last else (),
            floor=Urgency(none["floor"]) if last and none.get("floor") else None,
            fact=_optional(none, "fact") if last else None,
        )
        options: tuple[Option, ...]
        if "unsure" in item:
            options = (
                replace(yes, label=plain_text(meta["chain_yes"]), hint=None),
                no,
                Option(
                    label=plain_text(meta["chain_unsure"]),
                    hint=None,
                    next=item["unsure"],
                    location=at,
                    next_location=item.value_at("unsure"),
                    fallback=True,
                ),
            )
        else:
            options = (replace(yes, hint=None, fallback=True), no)
        chain.append(
            Question(
                id=chain_id(node_id, index),
                text=text,
                hint=_optional(item, "hint"),
                screening=bool(data.get("screening", False)),
                options=options,
                location=at if index else where,
                follow_up=bool(data.get("follow_up", False)),
                chain=Chain(
                    group=node_id,
                    index=index,
                    total=total,
                    question=plain_text(data["text"]),
                    hint=_optional(data, "hint"),
                    none_label=plain_text(none["label"]),
                ),
            )
        )
    return chain


def _sources(data: PosDict) -> tuple[Source, ...]:
    sources: PosList = data["sources"]
    return tuple(Source(key, sources.item_at(i)) for i, key in enumerate(sources))


def _sign(sign_id: str, data: PosDict, where: Location) -> Sign:
    return Sign(**_read(Sign, data, id=sign_id, sources=_sources(data), location=where))


Link = TypeVar("Link", Approach, Note)


def _page_links(model: type[Link], data: PosDict, key: str) -> tuple[Link, ...]:
    """An outcome's approaches or notes: ``page#anchor`` split, the rest read by shape."""
    return tuple(
        model(
            **_read(
                model,
                item,
                page=page,
                anchor=anchor or None,
                location=item.value_at("page"),
            )
        )
        for item in data.get(key) or ()
        for page, _, anchor in (str(item["page"]).partition("#"),)
    )


def _outcome(node_id: str, data: PosDict, where: Location) -> Outcome:
    return Outcome(
        **_read(
            Outcome,
            data,
            id=node_id,
            approaches=_page_links(Approach, data, "approaches"),
            notes=_page_links(Note, data, "notes"),
            sources=_sources(data),
            location=where,
        )
    )


def _meta(data: PosDict, where: Location) -> Meta:
    return Meta(
        **_read(
            Meta,
            data,
            # Paragraphs: the start page renders it as Markdown, blank lines and all.
            intro=str(data["intro"]).strip(),
            location=where,
            start_location=data.value_at("start"),
        )
    )


def load_guide(guide_dir: Path, *, root: Path) -> Guide | None:
    """The merged guide from every YAML file in ``guide_dir``; None when there is none yet."""
    # Loading, checking and building allocate hundreds of thousands of small objects for a
    # large tree; the collector would walk all of them again and again and find no garbage.
    with collector_paused():
        return _load_guide(guide_dir, root=root)


def _load_guide(guide_dir: Path, *, root: Path) -> Guide | None:
    paths = guide_files(guide_dir)
    if not paths:
        return None
    problems: list[Diagnostic] = []
    metas: list[tuple[PosDict, Location]] = []
    unreadable = False
    raw_nodes: dict[str, tuple[PosDict, Location]] = {}
    raw_signs: dict[str, tuple[PosDict, Location]] = {}
    raw_tiers: dict[str, tuple[PosDict, Location]] = {}
    for file in paths:
        shown = display_path(file, root=root)
        text = ""
        try:
            text = read_source(file, display=shown)
            data = load_yaml(text, path=shown)
        except DiagnosticError as error:
            problems.extend(error.diagnostics)
            unreadable = True
            continue
        except ValueError as error:
            problems.append(_bad_date(text, path=shown, error=error))
            unreadable = True
            continue
        top = Location(shown)
        if data is None:
            problems.append(Diagnostic(top, "the file is empty; expected 'guide:' and/or 'nodes:'"))
            continue
        file_start = partial(Location, shown)
        problems += validate(data, FILE, at=file_start, owner=file_start, name="the file")
        if not isinstance(data, PosDict):
            continue
        if "guide" in data:
            metas.append((data["guide"], data.key_at("guide")))
        for block, found, kind in (
            ("nodes", raw_nodes, "node id"),
            ("signs", raw_signs, "sign id"),
            ("tiers", raw_tiers, "tier"),
        ):
            entries = data.get(block)
            if not isinstance(entries, PosDict):
                continue
            for key, entry in entries.items():
                where = entries.key_at(key)
                if key in found:
                    first = found[key][1]
                    problems.append(
                        Diagnostic(where, f"duplicate {kind} {key!r} (first defined at {first})")
                    )
                    continue
                found[key] = (entry, where)
    if not metas and not unreadable:
        # An unreadable file may hold the block, so only say it is missing when all parsed.
        first = Location(display_path(paths[0], root=root))
        problems.append(
            Diagnostic(
                first,
                "no file has a 'guide:' block; exactly one file needs one "
                "(title, version, reviewed, start, minutes, intro)",
            )
        )
    for _, extra in metas[1:]:
        problems.append(
            Diagnostic(
                extra, f"a second 'guide:' block (the first is at {metas[0][1]}); keep only one"
            )
        )
    missing_tiers = [u.value for u in Urgency if u.value not in raw_tiers]
    if missing_tiers and not unreadable and metas:
        problems.append(
            Diagnostic(
                metas[0][1],
                f"'tiers:' has no entry for {', '.join(missing_tiers)}; every tier needs "
                "its label, action and signs_heading",
            )
        )
    for node_id, (node, _) in raw_nodes.items():
        # Only well-formed questions get these checks; the validator reports the rest.
        if not isinstance(node, PosDict) or node.get("type") != "question":
            continue
        if not isinstance(node.get("options"), PosList):
            continue
        if any(not isinstance(item, PosDict) for item in node["options"]):
            continue
        if node.get("multiple"):
            problems += _checklist_problems(node_id, node)
            continue
        options: PosList = node["options"]
        for index, item in enumerate(options):
            if isinstance(item, PosDict) and "label" not in item:
                problems.append(
                    Diagnostic(
                        options.item_at(index),
                        f"answer {index + 1} of question {node_id!r} is missing required "
                        "field 'label'",
                    )
                )
    if problems:
        raise DiagnosticError(problems)
    signs = {key: _sign(key, data, where) for key, (data, where) in raw_signs.items()}
    meta_data, meta_where = metas[0]
    built: dict[str, Node] = {}
    for node_id, (node, where) in raw_nodes.items():
        if node["type"] == "outcome":
            built[node_id] = _outcome(node_id, node, where)
        elif node.get("multiple"):
            for step in _checklist(node_id, node, where, signs=signs, meta=meta_data):
                built[step.id] = step
        else:
            built[node_id] = _question(node_id, node, where)
    tiers = {
        Urgency(key): TierText(**_read(TierText, data)) for key, (data, _) in raw_tiers.items()
    }
    return Guide(meta=_meta(meta_data, meta_where), nodes=built, signs=signs, tiers=tiers)
