"""The DUC 2004 summary evaluation: reading the layout, the baselines, ROUGE-1.5.5's config and output."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import shared_data
from storyline.errors import StorylineError
from storyline.eval import summary as bench
from storyline.model import PartialDate

ROUGE_OUTPUT = """---------------------------------------------
storyline ROUGE-1 Average_R: 0.39504 (95%-conf.int. 0.37628 - 0.41385)
storyline ROUGE-1 Average_P: 0.38957 (95%-conf.int. 0.37100 - 0.40864)
.............................................
storyline ROUGE-1 Eval d30001t.storyline R:0.42998 P:0.41274 F:0.42118
storyline ROUGE-1 Eval d30002t.storyline R:0.36000 P:0.36100 F:0.36050
---------------------------------------------
storyline ROUGE-2 Average_R: 0.10620 (95%-conf.int. 0.09391 - 0.11907)
.............................................
storyline ROUGE-2 Eval d30001t.storyline R:0.12903 P:0.12381 F:0.12637
lead ROUGE-1 Average_R: 0.30525 (95%-conf.int. 0.28549 - 0.32363)
lead ROUGE-2 Average_R: 0.05665 (95%-conf.int. 0.04700 - 0.06647)
lexrank ROUGE-1 Average_R: 0.35351 (95%-conf.int. 0.32605 - 0.38099)
lexrank ROUGE-2 Average_R: 0.08138 (95%-conf.int. 0.06576 - 0.09641)
"""


def _write_topic(root: Path, name: str, documents: dict[str, list[str]], references: int = 2) -> None:
    folder = root / "docs" / name
    folder.mkdir(parents=True)
    for docid, lines in documents.items():
        (folder / f"{docid}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "models").mkdir(exist_ok=True)
    for annotator in "ABCD"[:references]:
        (root / "models" / f"{name.upper().rstrip('T')}.M.100.T.{annotator}").write_text(
            "Hun Sen rejected talks abroad.\n", encoding="utf-8"
        )


@pytest.mark.parametrize(
    ("docid", "expected"),
    [
        ("APW19981016.0240", PartialDate(dt.date(1998, 10, 16))),
        ("NYT19990203.0112", PartialDate(dt.date(1999, 2, 3))),
        ("XIE19981130.0020", PartialDate(dt.date(1998, 11, 30))),
        ("notadocid", None),
        ("APW19981340.0001", None),
    ],
)
def test_eval_summary_dates_a_document_by_its_docid(docid, expected):
    assert bench._docid_date(docid) == expected


def test_eval_summary_reads_one_sentence_per_line(tmp_path):
    path = tmp_path / "APW19981016.0240.txt"
    path.write_text("Hun Sen rejected talks abroad.\n\n  Sihanouk declined to host the summit.\n", encoding="utf-8")
    analysis = bench.read_line_article(path)
    text = analysis.article.text
    assert [text[s.span.start : s.span.end] for s in analysis.sentences] == [
        "Hun Sen rejected talks abroad.",
        "Sihanouk declined to host the summit.",
    ]
    assert analysis.article.published == PartialDate(dt.date(1998, 10, 16))
    assert analysis.article.published_from == "file"


def test_eval_summary_loads_topics_with_their_references(tmp_path):
    _write_topic(tmp_path, "d30001t", {"APW19981016.0240": ["Hun Sen rejected talks abroad."]}, references=3)
    topics = bench.load_topics(tmp_path)
    assert [topic.name for topic in topics] == ["d30001t"]
    assert [path.name for path in topics[0].models] == [f"D30001.M.100.T.{a}" for a in "ABC"]


def test_eval_summary_rejects_a_folder_without_the_duc_layout(tmp_path):
    with pytest.raises(StorylineError, match="docs/<topic>"):
        bench.load_topics(tmp_path)


def test_eval_summary_lead_baseline_reads_the_most_recent_article(tmp_path):
    _write_topic(
        tmp_path,
        "d30001t",
        {
            "APW19981016.0240": ["Hun Sen rejected talks outside the country on Friday.", "Old second sentence."],
            "APW19981120.0274": ["King Sihanouk announced a coalition government on Friday.", "It ends a deadlock."],
        },
    )
    analyses = bench.load_topics(tmp_path)[0].analyses
    assert bench.lead_summary(analyses, 5) == ["King Sihanouk announced a coalition government on Friday."]


def test_eval_summary_lexrank_baseline_fills_the_budget(tmp_path):
    lines = [
        "Hun Sen rejected opposition demands for talks outside Cambodia.",
        "The opposition wants talks at Sihanouk's residence in Beijing.",
        "Hun Sen said all talks on Cambodian affairs must be held in Cambodia.",
        "Rain fell on Phnom Penh in the afternoon.",
    ]
    _write_topic(tmp_path, "d30001t", {"APW19981016.0240": lines})
    summary = bench.lexrank_summary(bench.load_topics(tmp_path)[0].analyses, 15)
    assert sum(len(sentence.split()) for sentence in summary) >= 15
    assert set(summary) <= set(lines)


def test_eval_summary_config_lists_every_system_and_reference(tmp_path):
    _write_topic(tmp_path, "d30001t", {"APW19981016.0240": ["Hun Sen rejected talks abroad."]}, references=4)
    config = bench.rouge_config(bench.load_topics(tmp_path), tmp_path / "peers")
    for system in bench.SYSTEMS:
        assert f'<P ID="{system}">{system}/d30001t.txt</P>' in config
    assert config.count("<M ID=") == 4
    assert '<INPUT-FORMAT TYPE="SPL">' in config


def test_eval_summary_parses_averages_and_per_topic_recall():
    averages, per_eval = bench.parse_rouge_output(ROUGE_OUTPUT)
    assert averages["storyline"] == {"rouge1_r": 0.39504, "rouge2_r": 0.10620}
    assert averages["lexrank"]["rouge2_r"] == 0.08138
    assert per_eval["storyline"]["d30001t"] == {"rouge1_r": 0.42998, "rouge2_r": 0.12903}


def test_eval_summary_output_without_scores_is_an_error():
    with pytest.raises(StorylineError, match="no scores"):
        bench.parse_rouge_output("Cannot open exception db file for reading\n")


def test_eval_summary_says_how_to_install_xml_dom(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/perl")
    monkeypatch.setattr(
        subprocess, "run", lambda *args, **kwargs: subprocess.CompletedProcess(args, 2, "", "Can't locate XML/DOM.pm")
    )
    with pytest.raises(StorylineError, match="apt-get install libxml-dom-perl"):
        bench.find_rouge()


def test_eval_summary_says_how_to_install_perl(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(StorylineError, match="needs perl"):
        bench.find_rouge()


def test_eval_summary_runs_rouge_on_one_duc_topic(tmp_path):
    duc = shared_data("bench/duc2004")
    try:
        bench.find_rouge()
    except StorylineError as error:
        pytest.skip(str(error))
    topic = sorted((duc / "docs").iterdir())[0]
    shutil.copytree(topic, tmp_path / "data" / "docs" / topic.name)
    (tmp_path / "data" / "models").mkdir()
    for model in (duc / "models").glob(f"{topic.name.upper().rstrip('T')}.M.100.T.*"):
        shutil.copy(model, tmp_path / "data" / "models" / model.name)
    result = bench.run(tmp_path / "data", out=tmp_path / "out")
    assert result["topics"] == 1
    assert 0.2 < result["rouge1_r"] < 0.7
    assert set(result["baselines"]) == {"lead", "lexrank"}
    assert result["per_topic"][0]["topic"] == topic.name
    written = (tmp_path / "out" / "storyline" / f"{topic.name}.txt").read_text(encoding="utf-8").splitlines()
    assert 0 < sum(len(line.split()) for line in written) <= 100
