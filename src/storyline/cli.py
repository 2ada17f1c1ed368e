"""The command line: each command parses its flags, makes one library call and prints the result.

Library errors (``StorylineError``) become one-line messages here, in one place, with exit code 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from storyline.errors import StorylineError

EXIT_REJECTED = 3


class StorylineGroup(click.Group):
    """Turns any StorylineError raised below into a clean message instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StorylineError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(2)


@click.group(cls=StorylineGroup)
@click.version_option(package_name="storyline")
def main() -> None:
    """Turn news articles about one story into a sourced, dated briefing."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Folder for the outputs.")
@click.option("--db", type=click.Path(path_type=Path), help="SQLite store (default OUTDIR/storyline.db).")
@click.option("--title", help="Title of the briefing (default: the most typical headline).")
@click.option("--summary-words", default=100, show_default=True, type=click.IntRange(20, 1000))
@click.option("--strict", is_flag=True, help="Exit non-zero if any input was rejected.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build(
    paths: tuple[Path, ...], out_dir: Path, db: Path | None, title: str | None, summary_words: int, strict: bool,
    quiet: bool,
) -> None:
    """Read articles from PATHS (files or folders) and write the briefing to OUT."""
    from storyline.story.build import BuildOptions, build_story, write_story

    options = BuildOptions(db=db or out_dir / "storyline.db", summary_words=summary_words, title=title)
    with _progress_bar(quiet) as on_progress:
        result = build_story(paths, options, on_progress)
    written = write_story(result.story, out_dir)
    story = result.story
    for entry in story.rejected:
        click.echo(f"rejected: {entry.path}: {entry.reason}", err=True)
    click.echo(
        f"{len(story.articles)} articles read, {len(story.duplicates)} duplicates, {len(story.rejected)} rejected "
        f"({result.analyzed} analyzed, {result.reused} reused) in {result.seconds:.1f} s",
        err=True,
    )
    click.echo(f"report: {next(path for path in written if path.suffix == '.html')}")
    if strict and story.rejected:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dct", help="Document creation time (YYYY-MM-DD); inferred from the text when omitted.")
def timex(file: Path, dct: str | None) -> None:
    """Tag and normalize the time expressions of FILE."""
    from storyline.analyze.time import describe_time_expressions
    from storyline.ingest import read_inputs

    ingested = read_inputs([file])
    if not ingested.articles:
        raise click.ClickException(f"{file}: {ingested.rejected[0].reason}")
    text = ingested.articles[0].text
    estimate, expressions = describe_time_expressions(text, _parse_date(dct))
    if estimate is not None:
        when = estimate.date.iso() if estimate.date else "unknown"
        click.echo(f"DCT {when} inferred from the text (confidence {estimate.confidence:.2f}): {'; '.join(estimate.cues)}")
    for expression in expressions:
        click.echo(f"{expression.span.start}\t{expression.span.end}\t{expression.type}\t{expression.value}\t{expression.text}")


@main.group(name="eval", cls=StorylineGroup)
def evaluate() -> None:
    """Measure an engine on public benchmark data."""


def _eval_command(name: str, help_text: str, extra: list[Callable] = ()) -> Callable:
    def decorate(function: Callable) -> Callable:
        command = function
        for option in reversed([
            click.option("--data", required=True, type=click.Path(exists=True, path_type=Path), help="Benchmark folder."),
            click.option("--json", "json_out", type=click.Path(path_type=Path), help="Write the scores as JSON here."),
            click.option("--out", type=click.Path(path_type=Path), help="Write predictions here for re-scoring."),
            *extra,
        ]):
            command = option(command)
        return evaluate.command(name=name, help=help_text)(command)

    return decorate


@_eval_command("timex", "TIMEX3 tagging on TempEval-3 TimeML files.", [
    click.option("--dct", "dct_mode", type=click.Choice(["gold", "infer", "none"]), default="gold", show_default=True)
])
def eval_timex(data: Path, json_out: Path | None, out: Path | None, dct_mode: str) -> None:
    from storyline.eval import timex as bench

    _report(bench.run(data, dct_mode=dct_mode, out=out), json_out)


@_eval_command("dating", "Publication-date inference on Timeline17-style folders.")
def eval_dating(data: Path, json_out: Path | None, out: Path | None) -> None:
    from storyline.eval import dating as bench

    _report(bench.run(data, out=out), json_out)


@_eval_command("tls", "Timeline summarization on Timeline17 (tilse align+ m:1 ROUGE, date F1).", [
    click.option("--topic", "topics", multiple=True, help="Only these topics (repeatable).")
])
def eval_tls(data: Path, json_out: Path | None, out: Path | None, topics: tuple[str, ...]) -> None:
    from storyline.eval import tls as bench

    _report(bench.run(data, out=out, topics=topics or None), json_out)


@_eval_command("attribution", "Attribution (who said what) on PolNeAR brat files.")
def eval_attribution(data: Path, json_out: Path | None, out: Path | None) -> None:
    from storyline.eval import attribution as bench

    _report(bench.run(data, out=out), json_out)


@_eval_command("summary", "Multi-document summaries on DUC 2004 task 2 (ROUGE-1.5.5 recall).", [
    click.option("--summary-words", "words", default=100, show_default=True, type=click.IntRange(20, 1000))
])
def eval_summary(data: Path, json_out: Path | None, out: Path | None, words: int) -> None:
    from storyline.eval import summary as bench

    _report(bench.run(data, words=words, out=out), json_out)


@_eval_command("figures", "Figure extraction against a gold list of figures.")
def eval_figures(data: Path, json_out: Path | None, out: Path | None) -> None:
    from storyline.eval import figures as bench

    _report(bench.run(data, out=out), json_out)


def _report(scores: dict[str, Any], json_out: Path | None) -> None:
    """Print the headline scores and any baseline rows (not the per-item rows); write all as JSON if asked."""
    click.echo(_score_row("storyline", scores))
    for name, value in scores.items():
        if isinstance(value, dict) and any(isinstance(v, float) for v in value.values()):
            click.echo(_score_row(name, value))
        elif isinstance(value, dict):
            for inner, row in value.items():
                if isinstance(row, dict) and any(isinstance(v, float) for v in row.values()):
                    click.echo(_score_row(f"{name}.{inner}", row))
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _score_row(name: str, scores: dict[str, Any]) -> str:
    cells = [
        f"{key}={value:.4f}" if isinstance(value, float) else f"{key}={value}"
        for key, value in scores.items()
        if isinstance(value, (int, float)) and not isinstance(value, bool)
    ]
    return f"{name:24s} " + "  ".join(cells)


def _parse_date(text: str | None):
    from storyline.model import PartialDate

    if text is None:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        raise click.BadParameter(f"{text!r}: expected YYYY-MM-DD, YYYY-MM or YYYY") from error


class _progress_bar:
    """A tqdm bar on stderr per build phase, or nothing with --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None

    def __enter__(self) -> Callable[[str, int, int], None] | None:
        return None if self.quiet else self.update

    def update(self, phase: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if self.bar is None:
            self.bar = tqdm(total=total, desc=phase, unit="article", file=sys.stderr, leave=False)
        self.bar.update(done - self.bar.n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()
