"""The command line's own words (help frames, usage errors) in the clerk's language.

Typer shows Click's English frames ("Usage:", "Options:", "No such option") whatever the
language of our help texts. Here: one global `--lang` (or NOTICEBOARD_LANG) read before
Click parses anything, command classes whose help and usage come out in that language,
and usage errors shown in that language.
"""

from __future__ import annotations

import contextlib
import difflib
import logging
import os
import re
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Any

import typer
import typer.core
from typer import _click as click

from noticeboard.errors import Localized, NoticeboardError, shown
from noticeboard.formatting import display_width
from noticeboard.messages import MESSAGES
from noticeboard.terminal import escaped_note, guard_streams

LANGS = ("zh", "en")
ENV_VAR = "NOTICEBOARD_LANG"
DEBUG_VAR = "NOTICEBOARD_DEBUG"
HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}  # `-h` as every other tool takes it

# What an input method makes of `--`: em dashes (——format), a full-width hyphen (－－format).
_IME_DASHES = re.compile(r"^(?P<dashes>[\u2012\u2013\u2014\u2015\u2212\uff0d\ufe63]{1,2})"
                         r"(?P<name>[A-Za-z][\w-]*)(?P<rest>=.*)?$")


def ime_dash(word: str) -> str | None:
    """The option meant by `——format` or `－h`, when an input method changed its dashes."""
    match = _IME_DASHES.match(word)
    if match is None:
        return None
    dashes = "-" if len(match["name"]) == 1 else "--"
    return dashes + match["name"] + (match["rest"] or "")


INTERNAL_ERROR = 70  # EX_SOFTWARE: a defect of the tool, not of the input
_state = {"lang": "zh"}


def lang() -> str:
    """The language of this run: `--lang`, else NOTICEBOARD_LANG, else Chinese."""
    return _state["lang"]


def say(code: str, **params: Any) -> str:
    """A message from messages.py in this run's language."""
    zh, en = MESSAGES[code]
    params = {k: v.text(lang()) if isinstance(v, Localized) else v for k, v in params.items()}
    return shown((en if lang() == "en" else zh).format(**params))  # file names are hostile


# Typer's own frames go through gettext (`typer.core._`); this is that hook, answered from
# our table instead of a compiled catalogue.
_TYPER_WORDS = {
    "Arguments": "参数", "Options": "选项", "Commands": "命令",
    "default: {default}": "默认：{default}", "required": "必填",
    "env var: {var}": "环境变量：{var}", "(dynamic)": "（运行时决定）",
    "Aborted!": "已中止", "Missing command.": "缺少命令",
}


def _typer_gettext(message: str) -> str:
    return _TYPER_WORDS.get(message, message) if lang() == "zh" else message


typer.core._ = _typer_gettext


def take_lang(args: list[str]) -> tuple[list[str], str]:
    """Remove `--lang X` / `--lang=X` wherever it stands (before `--`) and return the
    language, so `--lang` is one global option however the clerk orders the words."""
    chosen = os.environ.get(ENV_VAR) or "zh"
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg == "--lang":
            if index + 1 == len(args):
                return rest, ""  # `--lang` with nothing after it
            chosen, index = args[index + 1], index + 2
            continue
        if arg.startswith("--lang="):
            chosen, index = arg.split("=", 1)[1], index + 1
            continue
        rest.append(arg)
        index += 1
    return rest, chosen.strip().lower()


def take_debug(args: list[str]) -> tuple[list[str], bool]:
    """Remove `--debug` (before `--`); `NOTICEBOARD_DEBUG=1` does the same."""
    cut = args.index("--") if "--" in args else len(args)
    head = [arg for arg in args[:cut] if arg != "--debug"]
    return head + args[cut:], len(head) < cut or os.environ.get(DEBUG_VAR, "") not in ("", "0")


def report_defect(exc: Exception, debug: bool) -> None:
    """An unexpected exception is the tool's fault: say so plainly, with the traceback only
    when asked (as Pelican's --debug), so a clerk never faces a wall of English."""
    if debug:
        typer.echo("".join(traceback.format_exception(exc)), err=True)
    typer.echo(say("cli_internal_error", kind=type(exc).__name__), err=True)
    if not debug:
        typer.echo(say("cli_internal_error_hint"), err=True)


_NO_LINE_START = set("，。、；：？！）」』”’》;,.:)]")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells; breaks between Chinese characters or at spaces."""
    lines: list[str] = []
    line = ""
    for token in re.findall(r"[A-Za-z0-9_./:<>|=\[\]-]+|\s+|.", text):
        if display_width(line + token) > width and line.strip() and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


class Formatter(click.HelpFormatter):
    """Click's help layout, with Chinese frames and widths counted in terminal cells."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = prefix if prefix is not None else ("Usage: " if lang() == "en" else "用法：")
        self.write(f"{'':>{self.current_indent}}{prefix}{prog} {args}\n")

    def write_heading(self, heading: str) -> None:
        colon = ":" if lang() == "en" else "："
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
        for number, paragraph in enumerate(paragraphs):
            if number:
                self.write("\n")
            lines = wrap(" ".join(paragraph.split("\n")), self.width - self.current_indent)
            self.write("".join(f"{indent}{line}\n" for line in lines))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((display_width(r[0]) for r in rows), default=0), col_max)
        indent = " " * self.current_indent
        text_width = max(self.width - self.current_indent - first_col - col_spacing, 20)
        for first, second in rows:
            lines = wrap(second, text_width) if second else []
            if display_width(first) > first_col and lines:
                self.write(f"{indent}{first}\n")
                lines_indent = indent + " " * (first_col + col_spacing)
                self.write("".join(f"{lines_indent}{line}\n" for line in lines))
                continue
            pad = " " * (first_col + col_spacing - display_width(first))
            self.write(f"{indent}{first}{pad if lines else ''}{lines[0] if lines else ''}\n")
            rest_indent = indent + " " * (first_col + col_spacing)
            self.write("".join(f"{rest_indent}{line}\n" for line in lines[1:]))


class Context(typer.Context):
    formatter_class = Formatter


CHINESE_HELP = {
    "Install completion for the current shell.": "为当前 shell 安装命令补全（按 Tab 补全命令和选项）",
    "Show completion for the current shell, to copy it or customize the installation.":
        "显示当前 shell 的命令补全脚本，可复制或自行安装",
}
# English help for the English run; keyed by the Chinese text written in cli.py.
ENGLISH_HELP: dict[str, str] = {}
ENGLISH_METAVARS = {
    "<文件或文件夹>": "<file-or-folder>", "<文件夹>": "<folder>", "<文件>": "<file>",
    "<个数>": "<count>", "<期间>": "<period>", "<日期>": "<date>", "<类型>": "<kind>",
    "<工作表>": "<sheet>", "<端口>": "<port>", "<地址>": "<address>", "<乡镇名>": "<township>",
    "<村名>": "<village>", "<表格文件>": "<spreadsheet>", "<海报PDF>": "<poster-pdf>",
    "<乡镇文件夹>": "<township-folder>", "<网站文件夹>": "<site-folder>", "<公钥>": "<public-key>",
    "<较早的网站>": "<earlier-site>",
    "[选项]": "[OPTIONS]", "<命令>": "<command>", "[参数]...": "[ARGS]...",
}


@contextmanager
def _in_english(command: click.Command) -> Iterator[None]:
    """While English help is formatted, swap each Chinese help text and placeholder."""
    saved: list[tuple[Any, str, Any]] = []

    def swap(obj: Any, attr: str, table: dict[str, str]) -> None:
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value in table:
            saved.append((obj, attr, value))
            setattr(obj, attr, table[value])

    if lang() == "zh":  # Typer's own English help (shell completion)
        for param in command.params:
            swap(param, "help", CHINESE_HELP)
    if lang() == "en":
        for attr in ("help", "short_help"):
            swap(command, attr, ENGLISH_HELP)
        swap(command, "options_metavar", ENGLISH_METAVARS)
        swap(command, "subcommand_metavar", ENGLISH_METAVARS)
        for param in command.params:
            swap(param, "help", ENGLISH_HELP)
            swap(param, "metavar", ENGLISH_METAVARS)
        if isinstance(command, typer.core.TyperGroup):
            for sub in command.commands.values():
                swap(sub, "help", ENGLISH_HELP)
                swap(sub, "short_help", ENGLISH_HELP)
    try:
        yield
    finally:
        for obj, attr, value in reversed(saved):
            setattr(obj, attr, value)


class _Frames:
    """What the group and every command share: Chinese frames, translated help."""

    context_class: type[click.Context] = Context

    def get_help_option(self, ctx: click.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Show this message and exit." if lang() == "en" else "显示本帮助并退出"
        return option

    def get_help(self, ctx: click.Context) -> str:
        with _in_english(self):  # type: ignore[arg-type]
            return super().get_help(ctx)  # type: ignore[misc]

    def get_usage(self, ctx: click.Context) -> str:
        with _in_english(self):  # type: ignore[arg-type]
            return super().get_usage(ctx)  # type: ignore[misc]

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """`[选项] <表格文件>`: required arguments bare, optional ones in brackets."""
        pieces = [self.options_metavar] if self.options_metavar else []  # type: ignore[attr-defined]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if param.param_type_name == "argument":
                name = param.metavar or param.name
                name = name if param.required else f"[{name}]"
                pieces.append(name + ("..." if param.nargs != 1 else ""))
        return pieces

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Arguments by their placeholder (`<文件或文件夹>...`), never a programmer's type."""
        arguments, options = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                name = (param.metavar or param.name) + ("..." if param.nargs != 1 else "")
                arguments.append((name, record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(_typer_gettext(title)):
                    formatter.write_dl(rows)
        if isinstance(self, typer.core.TyperGroup):
            self.format_commands(ctx, formatter)


class Command(_Frames, typer.core.TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[选项]"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, canonical_choices(self.params, args))


def canonical_choices(params: Sequence[Any], args: list[str]) -> list[str]:
    """`--format PNG`, `--paper a4`: a choice written in another case is the choice (the
    error for a wrong one still lists them as they are written: A3、A4)."""
    choices = {opt: names for param in params if (names := _choice_names(param))
               for opt in getattr(param, "opts", ())}
    out = list(args)
    for index, arg in enumerate(out):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if eq and name in choices:
            out[index] = f"{name}={_canonical(value, choices[name])}"
        elif arg in choices and index + 1 < len(out):
            out[index + 1] = _canonical(out[index + 1], choices[arg])
    return out


def _choice_names(param: Any) -> list[str]:
    """The choices of an option, as written (Typer describes its enum options so)."""
    described = getattr(param, "type_descriptor", None)
    choices = getattr(described, "choices", None) if getattr(described, "is_choice", False) else None
    return [c.value if isinstance(c, Enum) else str(c) for c in choices or ()]


def _canonical(value: str, choices: list[str]) -> str:
    return next((c for c in choices if c.casefold() == value.casefold()), value)


class Group(_Frames, typer.core.TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[选项]"
        self.subcommand_metavar = "<命令> [参数]..."

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), self.subcommand_metavar]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its whole first sentence (Click would cut it at 45 columns)."""
        rows = [(name, (command.help or "").split("。")[0].split(". ")[0])
                for name, command in self.commands.items() if not command.hidden]
        if rows:
            with formatter.section(_typer_gettext("Commands")):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: click.Context,
                        args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-") \
                and not ctx.resilient_parsing:
            nearest = difflib.get_close_matches(name, list(self.commands), n=1)
            if nearest:
                ctx.fail(say("cli_no_command_near", name=name, nearest=nearest[0]))
            ctx.fail(say("cli_no_command", name=name, known="、".join(self.commands)))
        return super().resolve_command(ctx, args)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        guard_streams()  # a GBK or ASCII stream escapes what it cannot hold, never raises
        try:
            return self._run(args, prog_name, complete_var, standalone_mode,
                             windows_expand_args, **extra)
        finally:
            note_escapes()

    def _run(self, args: Sequence[str] | None, prog_name: str | None,
             complete_var: str | None, standalone_mode: bool,
             windows_expand_args: bool, **extra: Any) -> Any:
        words, chosen = take_lang(list(sys.argv[1:] if args is None else args))
        if chosen not in LANGS:
            _state["lang"] = "zh"
            typer.echo(say("cli_error", message=say("cli_option_needs_value", option="--lang"))
                       if chosen == "" else say("cli_bad_lang", value=chosen), err=True)
            if standalone_mode:
                sys.exit(2)
            return 2
        _state["lang"] = chosen
        meant = next(((w, m) for w in words if (m := ime_dash(w)) is not None), None)
        if meant is not None:  # else `——format` is taken for a folder, and the run goes on
            typer.echo(say("cli_error", message=say("cli_ime_dash", typed=meant[0], meant=meant[1])),
                       err=True)
            if standalone_mode:
                sys.exit(2)
            return 2
        words, debug = take_debug(words)
        if debug:
            logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
        try:
            result = super().main(words, prog_name, complete_var, standalone_mode=False,
                                  windows_expand_args=windows_expand_args, **extra)
        except NoticeboardError as exc:  # a user error no command caught itself
            if not standalone_mode:
                raise
            for finding in exc.findings:
                typer.echo(finding.format(lang()), err=True)
            sys.exit(1)
        except click.exceptions.ClickException as exc:
            if not standalone_mode:
                raise
            show_error(exc)
            sys.exit(exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo(say("cli_aborted"), err=True)
            sys.exit(1)
        except Exception as exc:  # a defect of the tool: one line for the clerk, details on --debug
            if not standalone_mode:
                raise
            report_defect(exc, debug)
            sys.exit(INTERNAL_ERROR)
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else 0)
        return result


def note_escapes() -> None:
    """Name the output's encoding once, when it could not hold every character."""
    escaped = escaped_note()
    if escaped is None:
        return
    encoding, count = escaped
    with contextlib.suppress(OSError, ValueError):  # stderr closed: the note has nowhere to go
        typer.echo(say("cli_stream_escaped", encoding=encoding.upper(), count=count), err=True)


def show_error(exc: click.exceptions.ClickException) -> None:
    """A usage error as the clerk reads it: usage line, where to find help, what is wrong."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        typer.echo(exc.format_message(), err=True)
        return
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        typer.echo(ctx.get_usage(), err=True)
        typer.echo(say("cli_try_help", command=f"{ctx.command_path} --help") + "\n", err=True)
    typer.echo(say("cli_error", message=error_text(exc)), err=True)


def error_text(exc: click.exceptions.ClickException) -> str:
    """The message of a usage error, in this run's language."""
    if isinstance(exc, click.exceptions.NoSuchOption):
        if exc.possibilities:
            nearest = difflib.get_close_matches(exc.option_name, exc.possibilities, n=1,
                                                cutoff=0) or list(exc.possibilities)
            return say("cli_no_option_near", option=exc.option_name, nearest=nearest[0])
        return say("cli_no_option", option=exc.option_name)
    if isinstance(exc, click.exceptions.MissingParameter):
        return say("cli_missing", name=_param_name(exc))
    if isinstance(exc, click.exceptions.BadParameter):
        return say("cli_bad_value", name=_param_name(exc), reason=_reason(exc.message))
    if isinstance(exc, click.exceptions.BadOptionUsage) and "requires" in exc.message:
        return say("cli_option_needs_value", option=exc.option_name)
    extra = re.search(r"unexpected extra argument(?:s|\(s\))? \((.*)\)", exc.message)
    if extra:
        return say("cli_extra_argument", value=extra[1])
    if lang() == "en":
        return exc.format_message()
    return _TYPER_WORDS.get(exc.message, exc.message)


def _param_name(exc: click.exceptions.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return " / ".join(hint) if isinstance(hint, list | tuple) else str(hint)
    param = exc.param
    if param is None:
        return ""
    if isinstance(param, typer.core.TyperOption):
        return " / ".join(param.opts)
    return str(param.metavar or param.name)


_CLICK_REASONS = (
    (r"^(?:Value error, )?'(.*)' is not one of (.*?)\.?$", "cli_not_one_of"),
    (r"^'(.*)' is not a valid integer(?: range)?\.?$", "cli_not_integer"),
    (r"^'(.*)' is not a valid (?:float|number)(?: range)?\.?$", "cli_not_number"),
    (r"^(.*) is not in the range (.*?)\.?$", "cli_out_of_range"),
    # Typer converts values with pydantic, whose wording names no value.
    (r"^Input should be a valid integer", "cli_want_integer"),
    (r"^Input should be a valid (?:number|decimal|float)", "cli_want_number"),
    (r"^Input should be a valid (?:boolean|bool)", "cli_want_bool"),
    (r"^Input should be a valid date", "cli_want_date"),
)


def _reason(message: str) -> str:
    """Click's own wording for a bad value, said in this run's language."""
    for pattern, code in _CLICK_REASONS:
        match = re.match(pattern, message)
        if match:
            value = match[1].strip("'") if match.lastindex else ""
            listed = re.findall(r"'([^']*)'", match[2]) if match.lastindex == 2 else []
            choices = ("、" if lang() == "zh" else ", ").join(listed)
            if not listed and match.lastindex == 2:
                choices = match[2]
            return say(code, value=value, choices=choices)
    if lang() == "zh" and re.search(r"[A-Za-z]{3}", message) and not re.search(r"[\u4e00-\u9fff]", message):
        return say("cli_value_wrong")  # a wording we do not know: never English in zh
    return message
