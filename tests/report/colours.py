"""Colour measures for the report's browser tests."""

from __future__ import annotations


def contrast(first: str, second: str) -> float:
    """The WCAG 2.1 contrast ratio (1 to 21) of two CSS colours as computed styles give them: ``rgb(r, g, b)``.

    Each channel is linearised from sRGB and weighted as relative luminance (WCAG 2.1,
    "relative luminance" and "contrast ratio"); text needs 4.5, graphics 3.
    """

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
