"""The interface language: English or 简体中文, switched at once without a restart.

:func:`apply_language` removes the translators it installed before and installs the new ones: the
app's own (``resources/translations/timeline_app_<lang>.qm``, compiled from the ``.ts`` source by
``pyside6-lrelease``) and Qt's (``qtbase_<lang>.qm`` from PySide6's translations folder, so that
standard dialogs and buttons follow). Installing or removing a QTranslator sends every widget a
``QEvent.LanguageChange``; the window answers it by setting its texts again. It also points
:func:`timeline_app.text.translate` at Qt's translate (or back at the English source texts) and sets
the default QLocale, which Qt uses for ``%Ln`` in translations.

The language follows the system locale unless the user chose one (View ▸ Language, remembered in
the settings) or passed ``--lang``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from timeline_app import text
from timeline_app.catalog import CHINESE, DATA_LANGUAGE, ENGLISH, normalize
from timeline_app.paths import resource

log = logging.getLogger(__name__)

LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}  # each written in itself, as menus show them

_installed: list[QTranslator] = []
_current = ENGLISH


def system_language() -> str:
    """The language of the system's locale, when we have it; else English."""
    for name in QLocale.system().uiLanguages():
        lang = normalize(name)
        if lang is not None:
            return lang
    return ENGLISH


def current() -> str:
    return _current


def data_language() -> str:
    """The language a chronology's texts are shown in: the interface's (``zh_CN`` -> ``zh``)."""
    return DATA_LANGUAGE[_current]


def translations_dir() -> Path:
    return resource("translations")


def compiled(lang: str) -> Path | None:
    """The compiled translation of ``lang`` (``.qm``), compiled now from its ``.ts`` when the build did
    not (a source checkout before ``scripts/setup.sh``); None when there is none to be had."""
    folder = translations_dir()
    qm = folder / f"timeline_app_{lang}.qm"
    ts = folder / f"timeline_app_{lang}.ts"
    frozen = bool(getattr(sys, "frozen", False))  # a bundle ships its .qm, and has no lrelease
    if qm.exists() and (frozen or not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if ts.exists() and not frozen:
        tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
        try:
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("could not compile %s: %s", ts, exc)
    return qm if qm.exists() else None


def apply_language(lang: str) -> str:
    """Switch the interface to ``lang`` (``en`` or ``zh_CN``; another name is normalized, an unknown
    one gives English). Returns the language now in use. Needs a QCoreApplication."""
    global _current
    lang = normalize(lang) or ENGLISH
    app = QCoreApplication.instance()
    for tr in _installed:
        QCoreApplication.removeTranslator(tr)
    _installed.clear()
    if lang != ENGLISH and app is not None:
        ours = compiled(lang)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [(str(ours), "") if ours else None, (f"qtbase_{lang}", qt_dir)]
        for entry in candidates:
            if entry is None:
                continue
            tr = QTranslator(app)
            if tr.load(*entry) if entry[1] else tr.load(entry[0]):
                QCoreApplication.installTranslator(tr)
                _installed.append(tr)
            else:
                log.warning("no translation %s for %s", entry[0], lang)
    _current = lang if (lang == ENGLISH or _installed) else ENGLISH
    if _current == ENGLISH:
        text.install(None)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        text.install(QCoreApplication.translate)
        QLocale.setDefault(QLocale(lang))
    if app is not None:  # the LanguageChange events Qt posted: every widget retranslates now
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return _current
