"""The YAML parser's (libyaml's) own words, as messages: each phrase it says of a syntax error and of
where it was, so that ``YAML syntax: found unexpected end of stream (while scanning a quoted
scalar)`` is said in the language shown. A phrase not listed here is shown as libyaml wrote it."""

from __future__ import annotations

from ..text import QT_TRANSLATE_NOOP, Message
from .problems import said

_PHRASES = (
    QT_TRANSLATE_NOOP("Problems", "mapping values are not allowed in this context"),
    QT_TRANSLATE_NOOP("Problems", "mapping keys are not allowed in this context"),
    QT_TRANSLATE_NOOP("Problems", "block sequence entries are not allowed in this context"),
    QT_TRANSLATE_NOOP("Problems", "could not find expected ':'"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected key"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected node content"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected '-' indicator"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected ',' or ']'"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected ',' or '}'"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected <document start>"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected whitespace or line break"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected comment or line break"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected alphabetic or numeric character"),
    QT_TRANSLATE_NOOP("Problems", "did not find expected hexdecimal number"),
    QT_TRANSLATE_NOOP("Problems", "found character that cannot start any token"),
    QT_TRANSLATE_NOOP("Problems", "found unexpected end of stream"),
    QT_TRANSLATE_NOOP("Problems", "found unexpected ':'"),
    QT_TRANSLATE_NOOP("Problems", "found unexpected document indicator"),
    QT_TRANSLATE_NOOP("Problems", "found unknown escape character"),
    QT_TRANSLATE_NOOP("Problems", "found invalid Unicode character escape code"),
    QT_TRANSLATE_NOOP("Problems", "found undefined tag handle"),
    QT_TRANSLATE_NOOP("Problems", "found a tab character that violates indentation"),
    QT_TRANSLATE_NOOP("Problems", "found a tab character where an indentation space is expected"),
    QT_TRANSLATE_NOOP("Problems", "found an indentation indicator equal to 0"),
    QT_TRANSLATE_NOOP("Problems", "while scanning a simple key"),
    QT_TRANSLATE_NOOP("Problems", "while scanning a quoted scalar"),
    QT_TRANSLATE_NOOP("Problems", "while scanning a plain scalar"),
    QT_TRANSLATE_NOOP("Problems", "while scanning a block scalar"),
    QT_TRANSLATE_NOOP("Problems", "while scanning an anchor"),
    QT_TRANSLATE_NOOP("Problems", "while scanning an alias"),
    QT_TRANSLATE_NOOP("Problems", "while scanning a tag"),
    QT_TRANSLATE_NOOP("Problems", "while scanning a directive"),
    QT_TRANSLATE_NOOP("Problems", "while scanning for the next token"),
    QT_TRANSLATE_NOOP("Problems", "while parsing a block collection"),
    QT_TRANSLATE_NOOP("Problems", "while parsing a block mapping"),
    QT_TRANSLATE_NOOP("Problems", "while parsing a block node"),
    QT_TRANSLATE_NOOP("Problems", "while parsing a flow sequence"),
    QT_TRANSLATE_NOOP("Problems", "while parsing a flow mapping"),
    QT_TRANSLATE_NOOP("Problems", "while parsing a flow node"),
    QT_TRANSLATE_NOOP("Problems", "while parsing a node"),
)
_MESSAGES = {phrase: said(phrase) for phrase in _PHRASES}


def yaml_words(phrase: str) -> Message | str:
    """libyaml's ``phrase`` as a message said in the language shown, when it is one we know."""
    return _MESSAGES.get(phrase, phrase)
