"""One story rendered to every output format. ``FORMATS`` is the single list of outputs, shared by the
CLI and the library: output file name -> function turning a Story into that file's text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from storyline.model import Story
from storyline.render.html import render_html
from storyline.render.json import render_json
from storyline.render.markdown import render_markdown
from storyline.render.timelinejs import render_timelinejs

FORMATS: dict[str, Callable[[Story], str]] = {
    "story.json": render_json,
    "report.html": render_html,
    "timeline.md": render_markdown,
    "timelinejs.json": render_timelinejs,
}



def write_story(story: Story, out_dir: Path) -> list[Path]:
    """Write every output format into ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, render in FORMATS.items():
        path = out_dir / name
        path.write_text(render(story), encoding="utf-8")
        written.append(path)
    return written


__all__ = ["FORMATS", "render_html", "render_json", "render_markdown", "render_timelinejs", "write_story"]
