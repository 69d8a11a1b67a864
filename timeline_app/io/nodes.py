"""The exact path's values: composed YAML nodes converted to plain values (:class:`NodeConverter`),
and the line and column of a value found by its path (:func:`locate`). See :mod:`.values`."""

from __future__ import annotations

from typing import Any

import yaml

from . import limits
from .problems import QT_TRANSLATE_NOOP, Message, Problem, said, too_deep
from .values import REJECTED_TYPE, Path, Quoted
from .yaml_source import is_plain_tag, position, tag_text

_Rejected = REJECTED_TYPE


class NodeConverter:
    """Converts composed YAML nodes into plain values, reporting what plain values cannot say.

    Aliases become shared references to one converted value (never copies), so an alias bomb
    costs no more than the text it is written in.
    """

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        self._memo: dict[int, Any] = {}
        # duplicate keys by the id of the dict they were left out of: (key, where, first written);
        # the loader reports them when it reads that mapping and knows what it is (an event, a point...)
        self.duplicates: dict[int, list[tuple[str, tuple[int, int], tuple[int, int]]]] = {}

    def _add(self, node: yaml.Node, message: Message) -> None:
        line, col = position(node)
        self.problems.append(Problem(self.file, line, col, message))

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        memo = self._memo.get(id(node))
        if memo is not None:
            return memo
        if depth > limits.MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
            self._add(node, too_deep())
            return _Rejected()
        if not is_plain_tag(node):
            self._add(node, _tag_message(node))
            value: Any = _Rejected()
        elif isinstance(node, yaml.ScalarNode):
            value = Quoted(node.value) if node.style in ("'", '"', "|", ">") else node.value
        elif isinstance(node, yaml.SequenceNode):
            value = []
            self._memo[id(node)] = value
            value.extend(self.convert(item, depth + 1) for item in node.value)
        else:
            value = {}
            self._memo[id(node)] = value
            first: dict[str, yaml.Node] = {}
            for key_node, value_node in node.value:
                if not is_plain_tag(key_node):
                    self._add(key_node, _tag_message(key_node))
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self._add(
                        key_node,
                        said(QT_TRANSLATE_NOOP("Problems", "a key must be a word, not a list or a mapping")),
                    )
                    continue
                key = key_node.value
                if key == "<<" and key_node.style not in ("'", '"'):
                    self._add(
                        key_node,
                        said(
                            QT_TRANSLATE_NOOP(
                                "Problems", "merge keys ('<<') are not supported: write the keys out"
                            )
                        ),
                    )
                    continue
                if key in first:
                    dup = (key, position(key_node), position(first[key]))
                    self.duplicates.setdefault(id(value), []).append(dup)
                    continue
                first[key] = key_node
                value[key] = self.convert(value_node, depth + 1)
        if isinstance(value, (str, _Rejected)):
            self._memo[id(node)] = value
        return value


def _tag_message(node: yaml.Node) -> Message:
    tag = QT_TRANSLATE_NOOP("Problems", "the tag %1 is not allowed: write plain values (nothing is ever run)")
    return said(tag, tag_text(node.tag))


def locate(root: Any, path: Path, key: bool = False) -> tuple[int, int]:
    """Line and column of the value at ``path`` (or of its key, with ``key``) in a composed tree.

    Walks as the converter did: the first of duplicate keys, items by index. A path that leaves the
    tree ends at the last node reached (the best place there is to point at). A root that is not a
    YAML node (values made by a reader of another format, :mod:`.formats`) says where itself.
    """
    if not isinstance(root, yaml.Node):
        where: tuple[int, int] = root.locate(path, key)
        return where
    node = root
    key_node: yaml.Node | None = None
    for step in path:
        key_node = None
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == step:
                    key_node, node = k, v
                    break
            else:
                return position(node)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            return position(node)
    if key and key_node is not None:
        return position(key_node)
    return position(node)
