"""Plain values for the loader to read, from either of two parsers: the fast one in :mod:`.fast_path`,
the exact one in :mod:`.nodes`.

The loader reads plain Python values (dicts, lists, strings) so that one builder serves both paths:

* the **exact path** composes the YAML with libyaml (``yaml_source``), which keeps the position of
  every value, and converts the nodes (:mod:`.nodes`): duplicate keys, tags and merge keys are
  reported on the way, quoted scalars become :class:`Quoted` strings (text, never a number), and a
  problem found later is placed by walking the nodes along its path (:func:`.nodes.locate`);
* the **fast path** parses with the C++ rapidyaml library (or ``json`` for ``.json`` files) into
  JSON, then ``json.loads`` keeps unquoted numbers as :class:`Number` strings with their exact text.
  It is taken only when nothing in the text could mean something that JSON cannot carry (tags,
  anchors, aliases, merge keys, duplicate keys). Any problem on the fast path makes the loader start
  again on the exact path, so messages and positions are always those of the exact path.

The types both paths share are here; PyYAML is imported with :mod:`.nodes`, by the exact path only.
"""

from __future__ import annotations


class Quoted(str):
    """A scalar the author quoted or wrote as a block: always text."""

    __slots__ = ()


class Number(str):
    """An unquoted scalar that JSON reads as a number, kept as the exact text the author wrote."""

    __slots__ = ()


Path = tuple[str | int, ...]


class _Rejected:
    """Stands where a value was refused (a tag); the builder skips it without a second message."""

    __slots__ = ()


REJECTED_TYPE = _Rejected
