"""Measured contrast in the browser: computed colours, with translucent layers composited."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator

# Returns, once any transition has finished, the text colour, the colour behind the element
# (ancestors' backgrounds composited over white or the page colour) and the outline and
# border colours, all as [r, g, b].
_COLOURS = """async (el) => {
  // Colours are read once the element's transitions (hover, focus) have finished.
  await Promise.all(el.getAnimations({ subtree: false }).map((a) => a.finished.catch(() => {})));
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
  const layers = [];
  for (let n = el; n; n = n.parentElement) {
    const bg = parse(getComputedStyle(n).backgroundColor);
    if (bg && bg[3] > 0) layers.push(bg);
    if (bg && bg[3] === 1) break;
  }
  let behind = [255, 255, 255];
  for (const layer of layers.reverse()) behind = over(layer, behind);
  const style = getComputedStyle(el);
  const fg = parse(style.color);
  const solid = (c) => (c ? over(c, behind) : null);
  return {
    text: solid(fg),
    background: behind,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
      ? solid(parse(style.outlineColor)) : null,
    border: parseFloat(style.borderTopWidth) > 0 ? solid(parse(style.borderTopColor)) : null,
    textDecoration: style.textDecorationLine,
    boxShadow: style.boxShadow,
  };
}"""


def luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: list[float], b: list[float]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colours(locator: Locator) -> dict[str, Any]:
    result: dict[str, Any] = locator.evaluate(_COLOURS)
    return result


def page_background(locator: Locator) -> list[float]:
    """The colour of the page behind the element's own box (for borders and outlines)."""
    parent: list[float] = locator.evaluate(
        "(el) => {"
        "  for (let n = el.parentElement; n; n = n.parentElement) {"
        "    const c = getComputedStyle(n).backgroundColor;"
        "    const m = c.match(/rgba?\\(([^)]+)\\)/);"
        "    const p = m ? m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number) : null;"
        "    if (p && (p.length < 4 || p[3] === 1)) return p.slice(0, 3);"
        "  }"
        "  return [255, 255, 255];"
        "}"
    )
    return parent


def pale_headings(h1_colours: dict[str, dict[str, Any] | None]) -> dict[str, float]:
    """Page -> contrast of its h1, for every page whose heading falls below 7:1 (AAA, which
    the headings meet in both palettes)."""
    return {
        url: round(ratio(c["text"], c["background"]), 2)
        for url, c in h1_colours.items()
        if c and ratio(c["text"], c["background"]) < 7
    }
