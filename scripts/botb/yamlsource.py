"""YAML that remembers where every key and value came from.

PyYAML forgets positions once it builds Python objects and silently keeps the last of two
duplicate keys. Editors need both: a duplicate node id must fail, and every later check
must be able to point at the exact line and column of the value it rejects.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, SequenceNode

from botb.diagnostics import Diagnostic, DiagnosticError, Location


class PosDict(dict[Any, Any]):
    """A mapping with the location of itself, each key and each value."""

    location: Location
    key_locations: dict[Any, Location]
    value_locations: dict[Any, Location]

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.key_locations = {}
        self.value_locations = {}

    def key_at(self, key: Any) -> Location:
        return self.key_locations.get(key, self.location)

    def value_at(self, key: Any) -> Location:
        return self.value_locations.get(key, self.location)


class PosList(list[Any]):
    """A sequence with the location of itself and of each item."""

    location: Location
    locations: list[Location]

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.locations = []

    def item_at(self, index: int) -> Location:
        return self.locations[index] if 0 <= index < len(self.locations) else self.location


def location_of(value: Any, default: Location) -> Location:
    """Where a loaded container starts; scalars carry no position, so fall back."""
    return getattr(value, "location", default)


class _Positions:
    """What both loaders add to PyYAML's: the file name, a line offset and collected problems."""

    def __init__(self, stream: str, *, path: str, line_offset: int) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
        self.source_path = path
        self.line_offset = line_offset
        self.problems: list[Diagnostic] = []

    def where(self, node: Node) -> Location:
        mark = node.start_mark
        return Location(self.source_path, mark.line + 1 + self.line_offset, mark.column + 1)


class _Loader(_Positions, yaml.SafeLoader):
    pass


# libyaml parses about ten times faster than PyYAML's pure-Python parser, with the same marks,
# but its error messages are vaguer ("cannot start any token" without naming the tab), so a
# file that fails is parsed again by the pure-Python loader to explain the problem.
_FastLoader: type[_Loader] | None = None
if hasattr(yaml, "CSafeLoader"):

    class _CLoader(_Positions, yaml.CSafeLoader):
        pass

    _FastLoader = _CLoader  # type: ignore[assignment]


def _construct_mapping(loader: _Loader, node: Node) -> Iterator[PosDict]:
    data = PosDict(loader.where(node))
    yield data
    if not isinstance(node, MappingNode):  # pragma: no cover - PyYAML only routes maps here
        return
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_location = loader.where(key_node)
        try:
            hash(key)
        except TypeError:
            loader.problems.append(Diagnostic(key_location, "a key must be plain text"))
            continue
        if key in data:
            first = data.key_locations[key]
            loader.problems.append(
                Diagnostic(
                    key_location, f"duplicate key {key!r} (first defined at line {first.line})"
                )
            )
            continue
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_locations[key] = key_location
        data.value_locations[key] = loader.where(value_node)


def _construct_sequence(loader: _Loader, node: Node) -> Iterator[PosList]:
    data = PosList(loader.where(node))
    yield data
    if not isinstance(node, SequenceNode):  # pragma: no cover
        return
    for child in node.value:
        data.append(loader.construct_object(child, deep=True))
        data.locations.append(loader.where(child))


def _construct_timestamp(loader: _Loader, node: Node) -> Any:
    # PyYAML raises a bare ValueError, without a position, for dates like 2026-02-30.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError as error:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
        loader.problems.append(
            Diagnostic(loader.where(node), f"{value!r} is not a real date: {error}")
        )
        return value


for _loader in (_Loader, _FastLoader):
    if _loader is None:
        continue
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def _offset_to_location(text: str, offset: int, *, path: str, line_offset: int) -> Location:
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return Location(path, line + line_offset, column)


def _parse(
    loader_class: type[_Loader], text: str, *, path: str, line_offset: int
) -> tuple[Any, list[Diagnostic]]:
    # The reader rejects control characters while it is constructed, so callers catch that too.
    loader = loader_class(text, path=path, line_offset=line_offset)
    # Building many small containers triggers repeated full garbage collections that find
    # nothing to free; pausing the collector while parsing halves the time of a large tree.
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = loader.get_single_data()
    finally:
        if collecting:
            gc.enable()
        loader.dispose()
    return data, loader.problems


def load_yaml(text: str, *, path: str, line_offset: int = 0) -> Any:
    """Parse one YAML document; raise ``DiagnosticError`` with positions on any problem.

    ``line_offset`` shifts reported lines, for YAML embedded in a larger file (front matter).
    """
    if _FastLoader is not None:
        try:
            data, problems = _parse(_FastLoader, text, path=path, line_offset=line_offset)
        except (yaml.YAMLError, RecursionError):
            pass  # explained below by the pure-Python parser
        else:
            if problems:
                raise DiagnosticError(problems)
            return data
    try:
        data, problems = _parse(_Loader, text, path=path, line_offset=line_offset)
        # Building many small containers triggers repeated full garbage collections that find
        # nothing to free; pausing the collector while parsing halves the time of a large tree.
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        location = (
            Location(path, mark.line + 1 + line_offset, mark.column + 1)
            if mark
            else Location(path, 1 + line_offset, 1)
        )
        problem = error.problem or error.context or "invalid YAML"
        if isinstance(error, ConstructorError) and error.problem:
            problem = error.problem
        raise DiagnosticError([Diagnostic(location, f"YAML syntax: {problem}")]) from None
    except yaml.reader.ReaderError as error:
        location = _offset_to_location(text, error.position, path=path, line_offset=line_offset)
        code = (
            error.character if isinstance(error.character, int) else ord(error.character[:1] or " ")
        )
        message = f"YAML syntax: control character U+{code:04X} is not allowed"
        raise DiagnosticError([Diagnostic(location, message)]) from None
    except RecursionError:
        # PyYAML builds nested collections recursively; thousands of '[' exhaust the stack.
        where = Location(path, 1 + line_offset, 1)
        message = "YAML syntax: lists or mappings are nested too deeply to read"
        raise DiagnosticError([Diagnostic(where, message)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - every PyYAML error above is marked
        raise DiagnosticError([Diagnostic(Location(path), f"YAML syntax: {error}")]) from None
    if problems:
        raise DiagnosticError(problems)
    return data
