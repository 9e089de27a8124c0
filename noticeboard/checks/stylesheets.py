"""A township's stylesheets read at `check`: what would change, hide or add to what a
poster says is refused there, with its file and line, before any poster is made.

The poster's text is compared with the item before it is written (poster.compare),
which catches a figure changed, added, left out or moved off the sheet. Some ways
of hiding leave the text in the PDF where the comparison still finds it — white or
transparent text, a size of 0, a cell clipped to nothing, an overlay drawn over
it — so the properties that can do that are refused here, on every rule of every
township stylesheet (and `<style>` and `style=""` in its templates): generated
content holding a figure anywhere, or any words on the item's data,
`display: none`, `visibility: hidden`, `opacity` below 0.5, transforms,
positioning out of the flow (but the built-in seal guide), clipping, transparent
text, zero sizes, large negative offsets. A syntax error is named with its line
as well: WeasyPrint would skip the rule without a word.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import tinycss2
import tinycss2.ast

from noticeboard.errors import Finding, Localized, clipped, error

TEMPLATES_FOLDER = "templates"
# What the built-in stylesheet may keep when a township copies it: the dashed seal guide
# is drawn out of the flow, and the running head and page numbers are margin content.
_POSITIONED_SELECTORS = frozenset({".seal"})
_MARGIN_FUNCTIONS = frozenset({"counter", "counters", "string"})

# (property, test of its value as written, what it does) for the refusals.
_HIDE = Localized("把内容隐藏起来", "hides content")
_MOVE = Localized("把内容移到别处或移出纸面", "moves content elsewhere or off the sheet")
_ADD = Localized("在海报上添加事项里没有的文字或数字", "adds text or figures the item does not hold")
_CLIP = Localized("把内容裁掉或遮住", "clips or covers content")
_INVISIBLE = Localized("让文字看不见", "makes text invisible")

_NUMBER_RE = re.compile(r"^(-?[0-9.]+)([a-z%]*)$")
# Largest harmless negative offset, per unit (a hanging number, the seal's centring).
_NEGATIVE_LIMITS = {"em": 5.0, "rem": 5.0, "ch": 10.0, "ex": 10.0, "px": 80.0, "pt": 60.0,
                    "pc": 5.0, "mm": 21.0, "cm": 2.1, "in": 0.83, "q": 84.0, "%": 10.0}


def check_township_stylesheets(township_dir: Path | None) -> list[Finding]:
    """Every refusal in the township's stylesheets and templates' `<style>`, each with
    its file and line; nothing when the township has no templates folder."""
    if township_dir is None:
        return []
    folder = township_dir / TEMPLATES_FOLDER
    if not folder.is_dir():
        return []
    findings: list[Finding] = []
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".css", ".j2", ".html", ".htm") or not _inside(path, township_dir):
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        findings += _file_findings(path, stat.st_mtime_ns, stat.st_size)
    return findings


def _inside(path: Path, root: Path) -> bool:
    """A regular file really in the township (a link leading out is refused elsewhere)."""
    return path.is_file() and Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


@functools.lru_cache(maxsize=256)
def _file_findings(path: Path, mtime_ns: int, size: int) -> list[Finding]:
    """One file's refusals, read once per version of the file in a process."""
    text = path.read_bytes()[:2 * 1024 * 1024].decode("utf-8", errors="replace")
    if path.suffix.lower() == ".css":
        found = list(stylesheet_refusals(text))
    else:
        found = [(line + text.count("\n", 0, start), message, snippet)
                 for start, css, inline in _style_blocks(text)
                 for line, message, snippet in stylesheet_refusals(css, inline)]
    return [replace(error(code, what=what, snippet=clipped(snippet, 83)), file=path, line=line)
            for line, (code, what), snippet in found]


_STYLE_RE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_STYLE_ATTRIBUTE_RE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _style_blocks(text: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, CSS, whether it is a `style` attribute's declarations) in a template;
    attributes the template fills in (`style="{{ g.frame }}"`) are the tool's own."""
    for match in _STYLE_RE.finditer(text):
        yield match.start(1), match.group(1), False
    for match in _STYLE_ATTRIBUTE_RE.finditer(text):
        value = match.group(1) if match.group(1) is not None else match.group(2)
        if "{{" not in value and "{%" not in value:
            yield match.start(), value, True


def stylesheet_refusals(source: str, inline: bool = False
                        ) -> Iterator[tuple[int, tuple[str, Localized], str]]:
    """(line, (code, what it does), the line's text) for each refusal in a stylesheet, or in
    a `style` attribute's declarations (`inline`)."""
    lines = source.splitlines()

    def snippet(line: int) -> str:
        return lines[line - 1].strip() if 0 < line <= len(lines) else ""

    if inline:
        parsed = tinycss2.parse_blocks_contents(source, skip_comments=True, skip_whitespace=True)
        found = _declaration_refusals(None, "", (), parsed)
    else:
        found = _refusals(tinycss2.parse_stylesheet(source, skip_comments=True,
                                                    skip_whitespace=True), ())
    for line, problem in found:
        yield line, problem, snippet(line)


def _refusals(rules: list[tinycss2.ast.Node], at_rules: tuple[str, ...]
              ) -> Iterator[tuple[int, tuple[str, Localized]]]:
    for rule in rules:
        if isinstance(rule, tinycss2.ast.ParseError):
            yield rule.source_line, ("stylesheet_syntax", Localized(rule.message, rule.message))
        elif isinstance(rule, tinycss2.ast.QualifiedRule):
            selector = tinycss2.serialize(rule.prelude).strip()
            yield from _declaration_refusals(rule.content, selector, at_rules)
        elif isinstance(rule, tinycss2.ast.AtRule) and rule.content is not None:
            inner = (*at_rules, rule.lower_at_keyword)
            if rule.lower_at_keyword in ("media", "supports", "layer", "container", "document"):
                yield from _refusals(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                              skip_whitespace=True), inner)
            else:  # @page and its margin boxes, @font-face: declarations and nested at-rules
                parsed = tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                        skip_whitespace=True)
                yield from _declaration_refusals(None, "", inner, parsed)


def _declaration_refusals(content: list[tinycss2.ast.Node] | None, selector: str,
                          at_rules: tuple[str, ...],
                          parsed: list[tinycss2.ast.Node] | None = None
                          ) -> Iterator[tuple[int, tuple[str, Localized]]]:
    if parsed is None:
        parsed = tinycss2.parse_blocks_contents(content or [], skip_comments=True,
                                                skip_whitespace=True)
    for node in parsed:
        if isinstance(node, tinycss2.ast.ParseError):
            yield node.source_line, ("stylesheet_syntax", Localized(node.message, node.message))
        elif isinstance(node, tinycss2.ast.Declaration):
            what = _refused(node, selector, at_rules)
            if what is not None:
                yield node.source_line, ("stylesheet_changes_content", what)
        elif isinstance(node, tinycss2.ast.AtRule | tinycss2.ast.QualifiedRule):
            yield from _refusals([node], at_rules)  # a margin box inside @page; CSS nesting


def _refused(declaration: tinycss2.ast.Declaration, selector: str,
             at_rules: tuple[str, ...]) -> Localized | None:
    """What a declaration would do to what the poster says, if it is refused."""
    name = declaration.lower_name
    tokens = [t for t in declaration.value
              if not isinstance(t, tinycss2.ast.WhitespaceToken | tinycss2.ast.Comment)]
    words = [t.lower_value for t in tokens if isinstance(t, tinycss2.ast.IdentToken)]
    text = tinycss2.serialize(tokens).strip().lower()
    if name == "content":
        return _ADD if _content_refused(tokens, selector, margin="page" in at_rules) else None
    if name == "display" and "none" in words:
        return _HIDE
    if name in ("visibility", "content-visibility") and {"hidden", "collapse"} & set(words):
        return _HIDE
    if name == "opacity" or (name == "filter" and "opacity" in text):
        return _HIDE if _below_half(tokens) else None
    if name in ("transform", "translate", "rotate", "scale", "offset", "offset-path") \
            and text != "none":
        return _MOVE
    if name == "position" and ({"absolute", "fixed"} & set(words)) and \
            selector not in _POSITIONED_SELECTORS:
        return _MOVE
    if name == "position" and "running" in text:
        return _MOVE
    if name in ("float",) and "footnote" in words:
        return _MOVE
    if name in ("clip", "clip-path", "mask", "mask-image", "-webkit-mask") and text not in ("auto", "none"):
        return _CLIP
    if name in ("overflow", "overflow-x", "overflow-y") and {"hidden", "clip"} & set(words):
        return _CLIP
    if name in ("color", "-webkit-text-fill-color") and _transparent(text):
        return _INVISIBLE
    if name in ("font-size", "line-height", "height", "max-height", "width", "max-width") and \
            _zero(tokens):
        return _INVISIBLE
    if name in ("text-indent", "margin", "margin-top", "margin-left", "margin-right",
                "margin-bottom", "letter-spacing", "word-spacing", "left", "top", "right",
                "bottom", "inset") and _far_negative(tokens):
        return _MOVE
    return None


# Selectors that reach the item's data: tables, cells, lists, the figures box.
_DATA_SELECTOR_RE = re.compile(r"\b(?:td|th|tr|tbody|thead|table|li|ol|ul|strong|dd|dt)\b|"
                               r"\.(?:rows|figures?|value|num|info|names|balance|name|amount|seq|"
                               r"summary|note|count|lead|chain|agenda|prose|notice-body)\b")
_CHINESE_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟两")


def _content_refused(tokens: list[tinycss2.ast.Node], selector: str, margin: bool) -> bool:
    """Generated content may add no figure anywhere (no digit, no Chinese numeral), and on
    the item's data (a table, a cell, the figures box) only punctuation — the built-in
    `｜` between facts; a page's margin boxes may carry page numbers and the running head."""
    data = bool(_DATA_SELECTOR_RE.search(selector))
    for token in tokens:
        if isinstance(token, tinycss2.ast.IdentToken) and token.lower_value in ("none", "normal"):
            continue
        if isinstance(token, tinycss2.ast.StringToken):
            text = unicodedata.normalize("NFKC", token.value)
            if any(unicodedata.category(ch) == "Nd" or ch in _CHINESE_NUMERALS for ch in text):
                return True
            if data and any(unicodedata.category(ch)[0] in "LN" for ch in text):
                return True
            continue
        if margin and isinstance(token, tinycss2.ast.FunctionBlock) and \
                token.lower_name in _MARGIN_FUNCTIONS:
            continue
        if isinstance(token, tinycss2.ast.LiteralToken) and token.value == ",":
            continue
        return True
    return False


def _below_half(tokens: list[tinycss2.ast.Node]) -> bool:
    for token in _numbers(tokens):
        value = token.value / 100 if isinstance(token, tinycss2.ast.PercentageToken) else token.value
        if value < 0.5:
            return True
    return False


def _numbers(tokens: list[tinycss2.ast.Node]) -> Iterator[tinycss2.ast.Node]:
    for token in tokens:
        if isinstance(token, tinycss2.ast.NumberToken | tinycss2.ast.PercentageToken |
                      tinycss2.ast.DimensionToken):
            yield token
        elif isinstance(token, tinycss2.ast.FunctionBlock):
            yield from _numbers(token.arguments)


def _transparent(text: str) -> bool:
    """`transparent`, or a colour whose alpha is 0 (`rgba(0,0,0,0)`, `#0000`, `#ffffff00`)."""
    if "transparent" in text:
        return True
    if re.fullmatch(r"#(?:[0-9a-f]{3}0|[0-9a-f]{6}00)", text):
        return True
    match = re.fullmatch(r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\((.*)\)", text)
    if match:
        parts = re.split(r"[\s,/]+", match[1].strip())
        return len(parts) == 4 and parts[3] in ("0", "0%", "0.0", ".0")
    return False


def _zero(tokens: list[tinycss2.ast.Node]) -> bool:
    return len(tokens) == 1 and isinstance(tokens[0], tinycss2.ast.NumberToken | tinycss2.ast.DimensionToken |
                                           tinycss2.ast.PercentageToken) and tokens[0].value == 0


def _far_negative(tokens: list[tinycss2.ast.Node]) -> bool:
    for token in tokens:
        if isinstance(token, tinycss2.ast.DimensionToken | tinycss2.ast.PercentageToken) and token.value < 0:
            unit = "%" if isinstance(token, tinycss2.ast.PercentageToken) else token.lower_unit
            if -token.value > _NEGATIVE_LIMITS.get(unit, 0.0):
                return True
    return False
