"""YAML that remembers where every key and value came from.

PyYAML forgets positions once it builds Python objects and silently keeps the last of two
duplicate keys. Editors need both: a duplicate node id must fail, and every later check
must be able to point at the exact line and column of the value it rejects.

PyYAML composes a graph of nodes that carry their marks; ``_container`` turns that graph into
``PosDict``/``PosList`` in one pass. Containers keep the nodes they came from and make a
``Location`` only when asked, since a large tree has hundreds of thousands of positions and
only the ones in a diagnostic or in the guide model are ever read.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, SequenceNode

from botb.diagnostics import Diagnostic, DiagnosticError, Location

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Keys that make PyYAML rewrite a mapping's pairs (merges, and '=' turned into a plain key).
_REWRITING_KEYS = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"})


class _Mark(Protocol):
    """What PyYAML's marks (the pure-Python and the libyaml kind) have in common."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class _Where(Protocol):
    def at(self, mark: _Mark | None) -> Location: ...


class _Source:
    """Turns a 0-based parser mark into the editor's file:line:column."""

    __slots__ = ("line_base", "path")

    def __init__(self, path: str, line_offset: int) -> None:
        self.path = path
        self.line_base = line_offset + 1

    def at(self, mark: _Mark | None) -> Location:
        assert mark is not None
        return Location(self.path, mark.line + self.line_base, mark.column + 1)


class _Fixed:
    """A stand-in for containers made by hand: every position is the one given."""

    __slots__ = ("location",)

    def __init__(self, location: Location) -> None:
        self.location = location

    def at(self, mark: _Mark | None) -> Location:
        return self.location


class PosDict(dict[Any, Any]):
    """A mapping with the location of itself, each key and each value."""

    __slots__ = ("_pairs", "_start", "_where")

    def __init__(self, location: Location) -> None:
        super().__init__()
        self._where: _Where = _Fixed(location)
        self._start: _Mark | None = None
        self._pairs: dict[Any, tuple[Node, Node]] = {}

    @classmethod
    def _parsed(cls, source: _Source, node: Node) -> PosDict:
        data = cls.__new__(cls)
        data._where = source
        data._start = node.start_mark
        data._pairs = {}
        return data

    @property
    def location(self) -> Location:
        return self._where.at(self._start)

    def key_at(self, key: Any) -> Location:
        pair = self._pairs.get(key)
        return self._where.at(pair[0].start_mark) if pair else self.location

    def value_at(self, key: Any) -> Location:
        pair = self._pairs.get(key)
        return self._where.at(pair[1].start_mark) if pair else self.location


class PosList(list[Any]):
    """A sequence with the location of itself and of each item."""

    __slots__ = ("_items", "_start", "_where")

    def __init__(self, location: Location) -> None:
        super().__init__()
        self._where: _Where = _Fixed(location)
        self._start: _Mark | None = None
        self._items: list[Node] = []

    @classmethod
    def _parsed(cls, source: _Source, node: Node) -> PosList:
        data = cls.__new__(cls)
        data._where = source
        data._start = node.start_mark
        data._items = node.value if isinstance(node, SequenceNode) else []
        return data

    @property
    def location(self) -> Location:
        return self._where.at(self._start)

    def item_at(self, index: int) -> Location:
        if 0 <= index < len(self._items):
            return self._where.at(self._items[index].start_mark)
        return self.location


def location_of(value: Any, default: Location) -> Location:
    """Where a loaded container starts; scalars carry no position, so fall back."""
    return getattr(value, "location", default)


class _Positions:
    """What both loaders add to PyYAML's: positions and collected problems."""

    def __init__(self, stream: str, *, path: str, line_offset: int) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
        self.source = _Source(path, line_offset)
        self.problems: list[Diagnostic] = []
        # Aliases share one node, and PyYAML gives them one object.
        self.built: dict[Node, Any] = {}

    def report(self, node: Node, message: str) -> None:
        self.problems.append(Diagnostic(self.source.at(node.start_mark), message))


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


# The two functions below build what SafeLoader would for mappings and sequences, with
# positions, and with duplicate and unhashable keys reported instead of lost; every other
# tag goes through the loader's own constructors, which call back here for the containers
# inside them.

_BUSY = object()  # a container whose items are being built: meeting it again is a loop


def _build(loader: _Loader, node: Node) -> Any:
    if node.tag == (_MAP if isinstance(node, MappingNode) else _SEQ):
        return _container(loader, node, open_early=False)
    return loader.construct_object(node, deep=True)


def _container(loader: _Loader, node: Node, *, open_early: bool) -> PosDict | PosList:
    """The mapping or sequence a ``!!map`` or ``!!seq`` node stands for (empty when the tag
    does not fit the node, as in ``!!map [a]``).

    PyYAML lets aliases inside a container refer back to it only when it was opened early,
    as the document's root is; anywhere else such a loop is an error.
    """
    built = loader.built.get(node)
    if built is _BUSY:
        raise ConstructorError(None, None, "found unconstructable recursive node", node.start_mark)
    if built is not None:
        return built  # type: ignore[no-any-return]
    # Both loops are written out here, not in helpers, so that a level of nesting costs two
    # stack frames as it does in PyYAML, and files nest as deeply as they did.
    if node.tag != _MAP:
        items = PosList._parsed(loader.source, node)
        loader.built[node] = items if open_early else _BUSY
        for child in items._items:
            items.append(_build(loader, child))
        loader.built[node] = items
        return items
    data = PosDict._parsed(loader.source, node)
    loader.built[node] = data if open_early else _BUSY
    if isinstance(node, MappingNode):
        for key_node, _ in node.value:
            if key_node.tag in _REWRITING_KEYS:
                loader.flatten_mapping(node)
                break
        where = data._pairs
        for pair in node.value:
            key_node, value_node = pair
            key = _build(loader, key_node)
            try:
                hash(key)
            except TypeError:
                loader.report(key_node, "a key must be plain text")
                continue
            if key in data:
                first = loader.source.at(where[key][0].start_mark)
                loader.report(
                    key_node, f"duplicate key {key!r} (first defined at line {first.line})"
                )
                continue
            data[key] = _build(loader, value_node)
            where[key] = pair
    loader.built[node] = data
    return data


def _construct_container(loader: _Loader, node: Node) -> PosDict | PosList:
    # PyYAML constructs the document's root shallowly, and everything below it deeply.
    return _container(loader, node, open_early=not loader.deep_construct)


def _construct_timestamp(loader: _Loader, node: Node) -> Any:
    # PyYAML raises a bare ValueError, without a position, for dates like 2026-02-30.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError as error:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
        loader.report(node, f"{value!r} is not a real date: {error}")
        return value


for _loader in (_Loader, _FastLoader):
    if _loader is None:
        continue
    _loader.add_constructor(_MAP, _construct_container)
    _loader.add_constructor(_TIMESTAMP, _construct_timestamp)
    _loader.add_constructor(_SEQ, _construct_container)


def _offset_to_location(text: str, offset: int, *, path: str, line_offset: int) -> Location:
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return Location(path, line + line_offset, column)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Building many small containers triggers repeated full garbage collections that find
    nothing to free (the containers hold no cycles); pausing the collector halves the time
    of a large tree."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _parse(
    loader_class: type[_Loader], text: str, *, path: str, line_offset: int
) -> tuple[Any, list[Diagnostic]]:
    # The reader rejects control characters while it is constructed, so callers catch that too.
    loader = loader_class(text, path=path, line_offset=line_offset)
    try:
        with collector_paused():
            data = loader.get_single_data()
    finally:
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
