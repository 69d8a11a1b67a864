"""Shared drawing helpers: batched primitives, the date axis, the palette and the view-box item;
and ``speech`` (announcements and captioned labels for screen readers).

May import: the pure layers only (model, geometry, text). Every other ``ui`` sub-package may import
this one.
"""
