"""What every ``journeys`` command shares at the terminal: its command line, and output that outlives its reader.

A usage error exits 4 in every command (click's own would be 2, which
journeys uses for "interrupted"): an unknown option, a bad value, an option
given twice, or a setting's environment variable of the wrong kind. The
options a command shares with ``journeys run`` are made from their one
declaration (``journeys.run.run_options``), their variables named in ``-h``.

``journeys run … | tee out.txt`` and Ctrl-C: Ctrl-C reaches the whole
pipeline, ``tee`` ends at once, and the run's next line to the terminal
would raise ``BrokenPipeError`` and end it before junit.xml and the reports
are written (exit 1, the interrupted journey missing). Behind ``PipeSafe`` a
write to a closed pipe goes nowhere instead: the run finishes its reports
and exits 2, as an interrupted run does.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TextIO, TypeVar

import click

from journeys.errors import JourneysError
from journeys.run.run_options import RunOption, SettingError

__all__ = ["Command", "USAGE_ERROR", "UsageError", "options_from", "usage"]

USAGE_ERROR = 4
F = TypeVar("F", bound=Callable[..., Any])


class UsageError(click.UsageError, JourneysError):
    """click's usage error, in journeys' error tree and with journeys' exit status."""

    exit_code = USAGE_ERROR


def usage(exc: click.UsageError) -> click.UsageError:
    """The same message and usage line, with exit status 4."""
    return exc if isinstance(exc, UsageError) else UsageError(exc.format_message(), exc.ctx)


class Command(click.Command):
    """A journeys command: usage errors exit 4, and an option that takes one value may be given once."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            raise usage(exc) from exc

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        twice = given_twice(self.params, args)
        if twice:
            raise UsageError(f"{', '.join(twice)} given more than once: give each once.", ctx)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise usage(exc) from exc
        except SettingError as exc:  # a setting's variable of the wrong kind: told as the option would be
            raise UsageError(str(exc), ctx) from None


def given_twice(params: Iterable[click.Parameter], args: list[str]) -> list[str]:
    """The options in ``args`` that take one value (or are a flag) and were written more than once."""
    single = {
        name: param.name
        for param in params
        if isinstance(param, click.Option) and not param.multiple and not param.count
        for name in (*param.opts, *param.secondary_opts)
    }
    words = args[: args.index("--")] if "--" in args else args
    counted = Counter(single[word.split("=", 1)[0]] for word in words if word.split("=", 1)[0] in single)
    names = {param.name: param.opts[0] for param in params if isinstance(param, click.Option)}
    return [names[name] for name, times in counted.items() if times > 1 and name is not None]


def options_from(options: Iterable[RunOption]) -> Callable[[F], F]:
    """click options made from their declarations, each not given as None (or an empty tuple when repeatable)."""

    def decorate(command: F) -> F:
        for option in reversed(list(options)):
            kind: Any = click.Choice(option.choices) if option.choices else option.kind
            command = click.option(
                option.flag,
                option.dest,
                type=None if option.kind is bool else kind,
                is_flag=option.kind is bool,
                multiple=option.many,
                default=None,
                help=option.described,
            )(command)
        return command

    return decorate


class PipeSafe:
    """A text stream whose writes and flushes after its reader went away are dropped."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._went_away()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._went_away()

    def _went_away(self) -> None:
        self.broken = True
        try:  # Python flushes stdout again at exit: point it at nothing, quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding...: the stream's own
        return getattr(self._stream, name)
