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
from storyline.ingest.reader import DEFAULT_MAX_BYTES

EXIT_REJECTED = 3
EXIT_NOTHING_READ = 4
"""Every input was rejected: there is nothing to build or add."""


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
    """Turn news articles into sourced, dated briefings, one pile at a time or as a library of stories."""


DEFAULT_LIBRARY = Path("storyline.db")
_db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_LIBRARY, show_default=True,
    help="The library file.",
)
_workers_option = click.option(
    "--workers", type=click.IntRange(1), default=None,
    help="Processes for parsing and analysis (default: every core this process may use).",
)
_ray_option = click.option(
    "--ray", "ray_address", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
    help="Parse and analyze on Ray: alone, a local Ray with this machine's CPUs; with ADDRESS (or RAY_ADDRESS) "
         "a running cluster. Needs the ray extra.",
)
_max_bytes_option = click.option(
    "--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
    help="Largest input file (or record of a JSONL file or web archive) read, in bytes.",
)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Folder for the outputs.")
@click.option("--db", type=click.Path(path_type=Path), help="SQLite store (default OUTDIR/storyline.db).")
@click.option("--title", help="Title of the briefing (default: the most typical headline).")
@click.option("--summary-words", default=100, show_default=True, type=click.IntRange(20, 1000))
@_max_bytes_option
@_workers_option
@_ray_option
@click.option("--strict", is_flag=True, help="Exit non-zero if any input was rejected.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build(
    paths: tuple[Path, ...], out_dir: Path, db: Path | None, title: str | None, summary_words: int, max_bytes: int,
    workers: int | None, ray_address: str | None, strict: bool, quiet: bool,
) -> None:
    """Read articles from PATHS (files or folders) and write them as one briefing to OUT."""
    from storyline.analyze.parallel import default_workers
    from storyline.library import BuildOptions, build_story
    from storyline.render import write_story

    options = BuildOptions(
        db=db or out_dir / "storyline.db", summary_words=summary_words, title=title, max_bytes=max_bytes,
        workers=workers or default_workers(), ray=_ray_address(ray_address),
    )
    with _progress_bar(quiet) as on_progress:
        result = build_story(paths, options, on_progress)
    story = result.story
    _echo_rejected(story.rejected)
    if not story.articles and not story.duplicates:
        _nothing_read(len(story.rejected), "no briefing was written")
    written = write_story(story, out_dir)
    several = (
        f"; they hold {result.stories} unrelated stories, built here as one: "
        f"`storyline add` sorts them into a library of stories" if result.stories > 1 else ""
    )
    click.echo(
        f"{len(story.articles)} articles read, {len(story.duplicates)} duplicates, {len(story.rejected)} rejected "
        f"({result.analyzed} analyzed, {result.reused} reused) in {result.seconds:.1f} s{several}",
        err=True,
    )
    click.echo(f"report: {next(path for path in written if path.suffix == '.html')}")
    if strict and story.rejected:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_db_option
@click.option("--summary-words", default=100, show_default=True, type=click.IntRange(20, 1000))
@_max_bytes_option
@_workers_option
@_ray_option
@click.option("--strict", is_flag=True, help="Exit non-zero if any input was rejected.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def add(
    paths: tuple[Path, ...], db: Path, summary_words: int, max_bytes: int, workers: int | None,
    ray_address: str | None, strict: bool, quiet: bool,
) -> None:
    """Add the articles of PATHS to the library: each goes to an event and a story, and the stories it
    touches get their briefings rebuilt."""
    from storyline.analyze.parallel import default_workers
    from storyline.library import AddOptions, Library

    with Library(db) as library, _progress_bar(quiet) as on_progress:
        options = AddOptions(summary_words=summary_words, max_bytes=max_bytes, workers=workers or default_workers(),
                             ray=_ray_address(ray_address))
        result = library.add(paths, options, on_progress)
        titles = {briefing.story.id: briefing.story for briefing in result.briefings}
    _echo_rejected(result.rejected)
    if not result.read and not result.duplicates:
        _nothing_read(len(result.rejected), "no story changed")
    reused = len(result.placements) - result.analyzed
    click.echo(
        f"{result.read} articles read, {len(result.duplicates)} duplicates, {len(result.rejected)} rejected, "
        f"{result.known} already in the library ({result.analyzed} analyzed, {max(0, reused)} reused) "
        f"in {result.seconds:.1f} s",
        err=True,
    )
    for gone, into in result.merged:
        click.echo(f"merged story {gone} into {into}")
    for label, ids in (("new story", result.new_stories), ("updated story", result.updated_stories)):
        for story_id in ids:
            story = titles.get(story_id)
            about = f": {story.title} ({len(story.articles)} articles, {len(story.events)} events)" if story else ""
            click.echo(f"{label} {story_id}{about}")
    if not result.new_stories and not result.updated_stories:
        click.echo(f"no story changed in {db}")
    if strict and result.rejected:
        sys.exit(EXIT_REJECTED)


@main.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story and line.")
def stories(db: Path, as_json: bool) -> None:
    """List the library's stories, newest activity first."""
    from storyline.library import Library

    _require_library(db)
    with Library(db) as library:
        listings = library.stories()

    def line(listing) -> str:
        span = listing.first if listing.first == listing.last else f"{listing.first or '?'} to {listing.last or '?'}"
        return (
            f"{listing.id}  {listing.title}  |  {span}  |  {listing.articles} articles, {listing.sources} sources, "
            f"{listing.events} events  |  updated {listing.updated}"
            + (f"  |  pending: {listing.pending}" if listing.pending else "")
        )

    _echo_rows(listings, as_json, lambda listing: listing.as_dict(), line,
               f"no stories in {db} yet; `storyline add PATH --db {db}` adds articles")


@main.command()
@click.argument("story_id")
@_db_option
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Folder for the outputs.")
def show(story_id: str, db: Path, out_dir: Path) -> None:
    """Write the briefing of STORY_ID (an id, or enough of one to be unique) to OUT, as build does, with
    changes.atom, a feed of what each of its versions changed."""
    from storyline.library import Library
    from storyline.render import write_story
    from storyline.render.changes import changes_atom

    _require_library(db)
    with Library(db) as library:
        story = library.story(story_id)
        history = library.history(story_id)
    written = write_story(story, out_dir)
    feed = out_dir / "changes.atom"
    feed.write_text(changes_atom(story.title, story.id or story_id, history), encoding="utf-8")
    written.append(feed)
    for note in story.pending:
        click.echo(f"pending: {note}", err=True)
    click.echo(f"report: {next(path for path in written if path.suffix == '.html')}")


@main.command()
@click.argument("story_ids", nargs=-1)
@_db_option
@click.option("--full", is_flag=True, help="Also rebuild what big stories leave for later (their summary).")
@click.option("--summary-words", default=100, show_default=True, type=click.IntRange(20, 1000))
def refresh(story_ids: tuple[str, ...], db: Path, full: bool, summary_words: int) -> None:
    """Rebuild briefings: of STORY_IDS, or of every story whose articles changed since its last briefing."""
    from storyline.library import Library

    _require_library(db)
    with Library(db) as library:
        briefings = library.refresh(story_ids or None, full=full, summary_words=summary_words)
    for briefing in briefings:
        state = f"version {briefing.version}" if briefing.version else "unchanged"
        click.echo(f"{briefing.story.id}: {briefing.story.title} ({state})")
    if not briefings:
        click.echo("every briefing is up to date", err=True)


@main.command()
@click.argument("story_id")
@click.option("--since", required=True, help="An ISO 8601 date or date-time (UTC unless it says otherwise), or a version number.")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="The changes as one JSON object.")
def changes(story_id: str, since: str, db: Path, as_json: bool) -> None:
    """What changed in STORY_ID's briefing since WHEN: new events and timeline entries, figures whose latest
    value moved, new disagreements, speakers, quotes and outlets, each with its evidence."""
    from storyline.library import Library
    from storyline.render.changes import changes_data, changes_text

    _require_library(db)
    with Library(db) as library:
        found = library.changes(story_id, since)
    if as_json:
        click.echo(json.dumps(changes_data(found), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        click.echo(changes_text(found), nl=False)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@_db_option
@click.option("--every", default="15m", show_default=True, help="Time between rounds: 90s, 15m, 1h.")
@click.option("--once", is_flag=True, help="One round, then exit (for cron).")
@_max_bytes_option
def watch(sources: tuple[str, ...], db: Path, every: str, once: bool, max_bytes: int) -> None:
    """Follow SOURCES (RSS, Atom or JSON Feed URLs, files listing feeds one a line or as OPML, folders to
    pick up new files from) into the library, adding what is new each round."""
    import signal
    import threading

    from storyline.library import AddOptions, Library
    from storyline.watch import Watcher, parse_interval

    seconds = parse_interval(every)
    stop = threading.Event()

    def stop_after_this(signum: int, _frame: object) -> None:
        click.echo(f"{signal.Signals(signum).name}: stopping after the current entry", err=True)
        stop.set()

    signal.signal(signal.SIGINT, stop_after_this)
    signal.signal(signal.SIGTERM, stop_after_this)
    with Library(db) as library:
        watcher = Watcher(library, stop=stop, options=AddOptions(max_bytes=max_bytes))
        try:
            while True:
                _echo_round(watcher.round(list(sources)))
                if once or stop.wait(seconds):
                    break
        finally:
            watcher.fetcher.close()


def _echo_round(report) -> None:
    for line in report.sources:
        counts = f": {line.entries} new, {line.added} added" if line.entries else ""
        click.echo(f"{line.source}: {line.status}{counts}" + (f" ({line.error})" if line.error else ""), err=True)
        for note in line.notes:
            click.echo(f"  note: {note}", err=True)
    for result in report.results:
        _echo_rejected(result.rejected)
    for story_id in report.new_stories:
        click.echo(f"new story {story_id}")
    for story_id in report.updated_stories:
        click.echo(f"updated story {story_id}")


@main.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
def sources(db: Path, as_json: bool) -> None:
    """The sources `watch` follows: last fetch, status, error and articles added."""
    from storyline.library import Library

    _require_library(db)
    with Library(db) as library:
        states = library.sources()
    fields = ("source", "kind", "title", "last_fetch", "status", "error", "articles")

    def line(state: dict) -> str:
        error = f"  |  error: {state['error']}" if state["error"] else ""
        return (f"{state['source']}  |  {state['kind']}  |  last fetch {state['last_fetch'] or 'never'}  |  "
                f"{state['status']}  |  {state['articles']} articles{error}")

    _echo_rows(states, as_json, lambda state: {key: state[key] for key in fields}, line,
               f"no watched source in {db}; `storyline watch FEED_URL --db {db}` adds one")


def _echo_rows(rows: list, as_json: bool, as_dict: Callable[[Any], dict], as_line: Callable[[Any], str],
               empty: str) -> None:
    """One line per row, or one JSON object per row with --json; says so on stderr when there are none."""
    for row in rows:
        click.echo(json.dumps(as_dict(row), ensure_ascii=False) if as_json else as_line(row))
    if not rows and not as_json:
        click.echo(empty, err=True)


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-writes", is_flag=True, help="Accept POST /api/articles (needs --token).")
@click.option("--token", envvar="STORYLINE_TOKEN", help="Token for writes, and for every request off loopback "
              "(or set STORYLINE_TOKEN).")
@_max_bytes_option
def serve(db: Path, host: str, port: int, allow_writes: bool, token: str | None, max_bytes: int) -> None:
    """Browse, search and check the library's stories in a web browser (it reads while `add` writes)."""
    import uvicorn

    from storyline.web import ServeOptions, create_app

    _require_library(db)
    app = create_app(ServeOptions(db, host=host, allow_writes=allow_writes, token=token, max_body=max_bytes))
    click.echo(f"serving {db} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _ray_address(given: str | None) -> str | None:
    """The --ray value as the library takes it, after checking Ray is installed (a clear message now, not
    after reading every input)."""
    if given is None:
        return None
    from storyline.distributed.ray_pool import require_ray

    require_ray()
    return given


def _nothing_read(rejected: int, outcome: str) -> None:
    """Stop a run that read no article at all, saying why, rather than write an empty briefing."""
    why = f"all {rejected} inputs were rejected (reasons above)" if rejected else "the inputs hold no article"
    click.echo(f"error: no article to read: {why}; {outcome}", err=True)
    sys.exit(EXIT_NOTHING_READ)


def _require_library(db: Path) -> None:
    if not db.exists():
        raise click.ClickException(f"{db}: no library here; `storyline add PATH --db {db}` creates one")


def _echo_rejected(rejected) -> None:
    for entry in rejected:
        click.echo(f"rejected: {entry.path}: {entry.reason}", err=True)


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


@_eval_command("event-dates", "Timeline sentence dates against a blind gold set of event dates.")
def eval_event_dates(data: Path, json_out: Path | None, out: Path | None) -> None:
    from storyline.eval import event_dates as bench

    _report(bench.run(data, out=out), json_out)


@_eval_command("metadata", "Page titles, outlets, URLs, dates and kinds against the realworld metadata gold.")
def eval_metadata(data: Path, json_out: Path | None, out: Path | None) -> None:
    from storyline.eval import metadata as bench

    _report(bench.run(data, out=out), json_out)


@_eval_command("boilerplate", "Page text kept and boilerplate left out, on trafilatura's evaluation pages.")
def eval_boilerplate(data: Path, json_out: Path | None, out: Path | None) -> None:
    from storyline.eval import boilerplate as bench

    _report(bench.run(data, out=out), json_out)


@_eval_command("clustering", "Events and stories in a mixed stream (B-cubed against the gold clusters).", [
    click.option("--level", type=click.Choice(["event", "story"]), default="event", show_default=True),
    click.option("--mix", multiple=True, type=click.Path(exists=True, path_type=Path),
                 help="Other inputs placed in the same stream and reported apart (repeatable)."),
    click.option("--sample", type=click.IntRange(1), default=1, show_default=True, help="Keep every n-th line."),
    click.option("--cache", type=click.Path(dir_okay=False, path_type=Path),
                 help="Parses and analyses kept between runs (default $STORYLINE_CACHE or ~/.cache/storyline/eval.db)."),
])
def eval_clustering(
    data: Path, json_out: Path | None, out: Path | None, level: str, mix: tuple[Path, ...], sample: int,
    cache: Path | None,
) -> None:
    from storyline.eval import clustering as bench

    _report(bench.run(data, level=level, out=out, cache=cache, mix=mix, sample=sample), json_out)


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

        if self.bar is not None and self.bar.desc != phase:
            self.bar.close()
            self.bar = None
        if self.bar is None:
            self.bar = tqdm(total=total, desc=phase, unit="article", file=sys.stderr, leave=False)
        self.bar.update(done - self.bar.n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()
