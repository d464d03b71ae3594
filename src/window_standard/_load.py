"""Stage 1: load YAML safely, keeping the source location of every node.

The loader builds plain Python data directly from PyYAML's *event* stream, so it never touches PyYAML's
shared loader classes, never constructs arbitrary objects, and can enforce limits while it reads:

* a file larger than :data:`MAX_FILE_BYTES` is refused before parsing;
* nesting deeper than :data:`MAX_DEPTH` and more than :data:`MAX_NODES` nodes are refused as they appear;
* anchors, aliases and explicit tags are refused (no alias bombs, no ``!!python/object``);
* duplicate mapping keys are refused;
* floats become :class:`~decimal.Decimal` built from the scalar's text (never a binary float).

Every value and every mapping key gets a :class:`~window_standard._errors.Location`, keyed by its path
from the document root, so that later stages can report ``file:line:col``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from ._errors import Location, Problem, RuleDefinitionError
from ._files import MAX_FILE_BYTES, read_text_file
from ._spans import ScalarSpan

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "MAX_NUMBER_CHARS",
    "LoadedYaml",
    "Path_",
    "load_yaml_file",
    "load_yaml_text",
]

MAX_DEPTH = 32
MAX_NODES = 200_000
#: The longest number a YAML scalar may spell (a 900 KB sexagesimal integer once took 39 s to build).
MAX_NUMBER_CHARS = 100

Path_ = tuple[str | int, ...]

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAGS = frozenset({"!", "tag:yaml.org,2002:str"})
_FLOAT_TAG = "tag:yaml.org,2002:float"
_SPECIAL_FLOAT = re.compile(r"^[-+]?\.(inf|nan)$", re.IGNORECASE)
_MERGE_TAG = "tag:yaml.org,2002:merge"
_VALUE_TAG = "tag:yaml.org,2002:value"
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_INT_TAG = "tag:yaml.org,2002:int"
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")


@dataclass
class LoadedYaml:
    """A YAML document as plain data, with the location of every node.

    Attributes:
        file: The path or name the document was read from.
        data: The document as plain Python data (dict, list, str, int, Decimal, bool, None, date).
        values: Location of each value, keyed by its path from the root (``("criteria", 0, "id")``).
        keys: Location of each mapping key, keyed by the path of its value.
        scalars: Source details of each scalar value, for column-exact expression errors.
    """

    file: str
    data: Any
    values: dict[Path_, Location] = field(default_factory=dict)
    keys: dict[Path_, Location] = field(default_factory=dict)
    scalars: dict[Path_, ScalarSpan] = field(default_factory=dict)

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """Location of the node at ``path``, or of its nearest existing ancestor.

        Args:
            path: Path from the root.
            key: Prefer the location of the mapping key over the value's.
        """
        probe = tuple(path)
        while probe:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Location(self.file, 1, 1))


class _EventReader:
    """Turns one YAML event stream into plain data plus locations (one instance per document)."""

    def __init__(self, file: str, events: Any, text: str = "") -> None:
        self.file = file
        self.events = events
        self.lines: list[str] = _LINE_BREAK.split(text) if text else []
        self.result = LoadedYaml(file=file, data=None)
        self.nodes = 0
        self.constructor = SafeConstructor()
        self.resolver = Resolver()

    def fail(self, code: str, message: str, hint: str, event: Any) -> RuleDefinitionError:
        return RuleDefinitionError([Problem(code, message, hint, self.where(event))])

    def where(self, event: Any) -> Location:
        mark = event.start_mark
        return Location(self.file, mark.line + 1, mark.column + 1)

    def next_event(self) -> Any:
        try:
            return next(self.events)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            loc = Location(self.file, mark.line + 1, mark.column + 1) if mark else Location(self.file, 1, 1)
            problem = (exc.problem or str(exc)).strip()
            if "maximum nesting depth" in problem:  # PyYAML >= 6.0.4 refuses very deep flow nesting itself
                raise RuleDefinitionError(
                    [
                        Problem(
                            "WS105", f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure", loc
                        )
                    ]
                ) from None
            raise RuleDefinitionError(
                [Problem("WS101", f"YAML syntax error: {problem}", "fix the YAML syntax at this place", loc)]
            ) from None
        except yaml.YAMLError as exc:
            raise RuleDefinitionError(
                [
                    Problem(
                        "WS101", f"YAML syntax error: {exc}", "fix the YAML syntax", Location(self.file, 1, 1)
                    )
                ]
            ) from None

    def read(self) -> LoadedYaml:
        event = self.next_event()
        if not isinstance(event, StreamStartEvent):  # pragma: no cover - PyYAML always starts a stream
            raise self.fail("WS101", "not a YAML stream", "", event)
        event = self.next_event()
        if isinstance(event, StreamEndEvent):
            self.result.data = None
            return self.result
        assert isinstance(event, DocumentStartEvent)
        self.result.data = self.node(self.next_event(), (), 1)
        event = self.next_event()
        assert isinstance(event, DocumentEndEvent)
        event = self.next_event()
        if not isinstance(event, StreamEndEvent):
            raise self.fail(
                "WS101", "more than one YAML document in the file", "keep one document per file", event
            )
        return self.result

    def check_node(self, event: Any, depth: int) -> None:
        self.nodes += 1
        if isinstance(event, AliasEvent):
            raise self.fail(
                "WS103", f"alias '*{event.anchor}' is not allowed", "write the value out in full", event
            )
        if not isinstance(event, NodeEvent):
            raise self.fail("WS101", "unexpected YAML structure", "fix the YAML syntax", event)
        if event.anchor is not None:
            raise self.fail("WS103", f"anchor '&{event.anchor}' is not allowed", "remove the anchor", event)
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit_tag = tag is not None and (implicit is False or implicit == (False, False))
        if explicit_tag and tag not in _STANDARD_TAGS:
            raise self.fail("WS103", f"tag '{tag}' is not allowed", "remove the tag", event)
        if depth > MAX_DEPTH:
            raise self.fail(
                "WS105", f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure", event
            )
        if self.nodes > MAX_NODES:
            raise self.fail(
                "WS104", f"more than {MAX_NODES} YAML nodes", "split the rule set into files", event
            )

    def node(self, event: Any, path: Path_, depth: int, *, is_key: bool = False) -> Any:
        self.check_node(event, depth)
        if not is_key:
            self.result.values[path] = self.where(event)
        if isinstance(event, ScalarEvent):
            return self.scalar(event, path, is_key)
        if isinstance(event, SequenceStartEvent):
            return self.sequence(path, depth)
        if isinstance(event, MappingStartEvent):
            return self.mapping(path, depth)
        raise self.fail(
            "WS101", "unexpected YAML structure", "fix the YAML syntax", event
        )  # pragma: no cover

    def scalar(self, event: ScalarEvent, path: Path_, is_key: bool) -> Any:
        style = event.style or None  # the C parser says "" for plain scalars, the Python one None
        if not is_key:
            source = self.source(event.start_mark, event.end_mark)
            self.result.scalars[path] = ScalarSpan(self.where(event), style, event.value, source)
        if style is not None or (event.tag is not None and not event.implicit[0]):
            return event.value
        tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        if tag in (_INT_TAG, _FLOAT_TAG) and len(event.value) > MAX_NUMBER_CHARS:
            raise self.fail(
                "WS203",
                f"a number of {len(event.value)} characters ({event.value[:20]}…) is too long",
                f"write numbers with at most {MAX_NUMBER_CHARS} characters",
                event,
            )
        if tag == _INT_TAG and _PLAIN_INT.fullmatch(event.value):
            return int(event.value)  # the common case, without PyYAML's constructor
        if tag == _FLOAT_TAG:
            return self.decimal(event)
        if tag == _MERGE_TAG:
            raise self.fail("WS103", "merge key '<<' is not allowed", "write the keys out in full", event)
        if tag == _VALUE_TAG:
            return event.value
        if tag == _STR_TAG:
            return event.value
        node = ScalarNode(tag, event.value, None, None)
        construct = self.constructor.yaml_constructors.get(tag)
        try:
            if construct is not None:  # the tag's own constructor, without construct_object's bookkeeping
                return construct(self.constructor, node)
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError) as exc:  # e.g. a date that does not exist: 2013-02-30
            raise self.fail(
                "WS203", f"'{event.value}' is not a valid value: {exc}", "write a valid value", event
            ) from None

    def source(self, start: Any, end: Any) -> str:
        """The source text between two marks ("" when the text is not known)."""
        first: int = start.line
        if first >= len(self.lines):
            return ""
        head: str = self.lines[first]
        if first == end.line:
            return head[start.column : end.column]
        last = self.lines[end.line][: end.column] if end.line < len(self.lines) else ""
        return "\n".join([head[start.column :], *self.lines[first + 1 : end.line], last])

    def decimal(self, event: ScalarEvent) -> Decimal:
        text = event.value.replace("_", "")
        if _SPECIAL_FLOAT.match(text):
            raise self.fail(
                "WS203", f"'{event.value}' is not a finite number", "write a finite decimal", event
            )
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the resolver only tags valid floats
            raise self.fail("WS203", f"'{event.value}' is not a number", "write a decimal", event) from None

    def sequence(self, path: Path_, depth: int) -> list[Any]:
        items: list[Any] = []
        while True:
            event = self.next_event()
            if isinstance(event, SequenceEndEvent):
                return items
            items.append(self.node(event, (*path, len(items)), depth + 1))

    def mapping(self, path: Path_, depth: int) -> dict[Any, Any]:
        items: dict[Any, Any] = {}
        while True:
            event = self.next_event()
            if isinstance(event, MappingEndEvent):
                return items
            key = self.node(event, path, depth + 1, is_key=True)
            if isinstance(key, (dict, list)):
                raise self.fail("WS101", "a mapping key must be a plain value", "use a string key", event)
            if key in items:
                raise self.fail(
                    "WS102", f"duplicate key '{key}'", "remove or rename one of the two keys", event
                )
            child = (*path, key)
            self.result.keys[child] = self.where(event)
            items[key] = self.node(self.next_event(), child, depth + 1)


def load_yaml_text(text: str, file: str = "<string>", *, max_items: int | None = None) -> LoadedYaml:
    """Load one YAML document from text, safely and with locations.

    Args:
        text: The YAML source.
        file: The name to use in locations.
        max_items: When the document is a list, the most items it may have (checked before it is built).

    Returns:
        The document as plain data with its locations.

    Raises:
        RuleDefinitionError: WS101-WS105 for syntax errors, aliases/anchors/tags, size and depth limits.
    """
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise RuleDefinitionError(
            [
                Problem(
                    "WS104",
                    f"file is {size} bytes, more than the limit of {MAX_FILE_BYTES}",
                    "split the rule set into smaller files",
                    Location(file, 1, 1),
                )
            ]
        )
    _count_nodes(text, file, max_items)
    loader = _Parser(text)
    try:
        return _EventReader(file, _events(loader), text).read()
    finally:
        loader.dispose()


def _count_nodes(text: str, file: str, max_items: int | None) -> None:
    """Refuse too many nodes (or top-level items) quickly: one pass of the parser alone, before building."""
    if len(text) < min(MAX_NODES, 50_000 if max_items is not None else MAX_NODES):
        return  # every node takes at least one character, every item several
    loader = _Parser(text)
    nodes = items = depth = 0
    try:
        for event in _events(loader):
            if isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                depth -= 1
            if not isinstance(event, NodeEvent):
                continue
            nodes += 1
            items += depth == 1
            if nodes > MAX_NODES or (max_items is not None and items > max_items):
                mark: Any = event.start_mark
                many = f"{MAX_NODES} YAML nodes" if nodes > MAX_NODES else f"{max_items} list items"
                where = Location(file, mark.line + 1, mark.column + 1)
                raise RuleDefinitionError(
                    [Problem("WS104", f"more than {many}", "split the rule set into files", where)]
                )
            depth += isinstance(event, (SequenceStartEvent, MappingStartEvent))
    except yaml.YAMLError:
        return  # the reader reports syntax errors with their location
    finally:
        loader.dispose()


def _events(loader: Any) -> Any:
    while loader.check_event():
        yield loader.get_event()


def load_yaml_file(path: Path, root: Path | None = None, *, max_items: int | None = None) -> LoadedYaml:
    """Load one YAML file safely: a regular file, inside ``root`` when given, its size checked first.

    Args:
        path: The file to read.
        root: The rule folder the file must lie in (after resolving links and ``..``), if any.
        max_items: When the document is a list, the most items it may have.

    Raises:
        RuleDefinitionError: WS104/WS106 as :func:`read_text_file`, else as :func:`load_yaml_text`.
    """
    return load_yaml_text(read_text_file(path, root), str(path), max_items=max_items)
