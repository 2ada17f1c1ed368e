"""Attributions read off the layout of lines rather than the parse: a name and a colon opening a line or
a headline ("Pat Caddell: Democrat Voters Worried ..."), a pundit credited after a dash, and the turns of a
transcript printed in the article ("PENCE: Well, look, ...").
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from storyline.analyze.attribution.cues import Candidate, cue_lemma, trim_span
from storyline.analyze.nlp import doc_text, entities, entities_within

# What a headline may credit before its colon besides a name ("Poll: Clinton and Sanders in dead heat").
REPORTING_NOUNS = frozenset("poll survey report study analysis memo newspaper".split())
# "SUBHEAD - Philip Bump: ..." and "- More from Blumenthal and Cohen: ...": the credited name after a dash.
CREDIT_AFTER_DASH = re.compile(
    r"\s[-–—]\s?(?:More from |From )?((?:the )?[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}"
    r"(?: and [A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})?)$"
)


def find_colon_attributions(doc: Doc) -> list[Candidate]:
    """Attributions announced by a name and a colon: a line "Pat Caddell: Democrat Voters Worried About
    Clinton's Health" that starts with a person or an organization and nothing else; a headline whose
    short lead names someone or a poll ("Clinton Camp: ...", "AP-GfK Poll: ..."), though not a column
    title ("The Latest: ..."); and a pundit credited after a dash ("... TOO EARLY - Mark Blumenthal: ...")."""
    found = []
    text = doc_text(doc)
    start = 0
    headline = True
    for line in text.split("\n"):
        colon = line.find(": ")
        if 0 < colon <= 80 and len(line[colon + 2 :].split()) >= 3:
            source = _colon_source(doc, start, line[:colon], headline)
            if source is not None:
                content = trim_span(text, start + colon + 2, start + len(line))
                found.append(Candidate(content, (start + colon, start + colon + 1), source, None))
        headline = headline and not line.strip()
        start += len(line) + 1
    return found


def _colon_source(doc: Doc, start: int, lead: str, headline: bool) -> tuple[int, int] | None:
    """Where the speaker of a "lead: words" line is named, or None when the lead names nobody."""
    credit = CREDIT_AFTER_DASH.search(lead)
    if credit is not None:
        return start + credit.start(1), start + credit.end(1)
    if len(lead.split()) > 6:
        return None
    name = doc.char_span(start, start + len(lead), alignment_mode="strict")
    if name is None:
        return None
    if len(lead.split()) <= 5 and len(named := entities_within(name)) == 1 and named[0].label_ in ("PERSON", "ORG") and (
        named[0].start == name.start and named[0].end == name.end
    ):
        return start, start + len(lead)
    if headline and name[0].lower_ != "the" and not lead.isupper() and name.root.pos_ in ("PROPN", "NOUN") and any(
        token.pos_ == "PROPN" or cue_lemma(token) in REPORTING_NOUNS for token in name
    ):
        return start, start + len(lead)
    return None


# A transcript's speaker label at the start of a line: "PENCE:", "JAKE TAPPER:" (capitals, as transcripts
# print speakers), possibly after the opening mark of a transcript printed as one long quotation.
TRANSCRIPT_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):(?=\s|$)")
# A stage direction between turns ("(CROSSTALK.)", "(APPLAUSE)") ends the turn before it.
STAGE_DIRECTION = re.compile(r"[\"“]?\(.*\)[.\"”]*")


def find_transcript_turns(doc: Doc) -> list[Candidate]:
    """Turns of a transcript printed in the article ('WALLACE: Let's start with ...' / 'PENCE: Well,
    look, ...'): the label is the source, its colon the cue, and the turn runs over the paragraphs up to
    the next label, one content per paragraph. A label counts when it names a person of the article or
    when two labels each open several lines (a dialogue); "VIDEO:" or "UPDATE:" do neither. The last turn
    keeps its own paragraph only: nothing shows where the transcript ends and the article resumes."""
    text = doc_text(doc)
    lines = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((start, line))
        start += len(line) + 1
    labels = [(index, TRANSCRIPT_LABEL.match(line)) for index, (_, line) in enumerate(lines)]
    labels = [(index, match) for index, match in labels if match is not None]
    surnames = {entity.text.split()[-1].lower().strip("'’s") for entity in entities(doc) if entity.label_ == "PERSON"}
    uses = Counter(match.group(1).split()[-1] for _, match in labels)  # "JAKE TAPPER", then "TAPPER"
    dialogue = sum(1 for count in uses.values() if count >= 2) >= 2
    speakers = [(index, match) for index, match in labels if match.group(1).split()[-1].lower() in surnames
                or (dialogue and uses[match.group(1).split()[-1]] >= 2)]
    found = []
    for number, (index, match) in enumerate(speakers):
        line_start = lines[index][0]
        source = (line_start + match.start(1), line_start + match.end(1))
        cue = (source[1], source[1] + 1)
        paragraphs = [(line_start + match.end(), line_start + len(lines[index][1]))]
        turn_end = speakers[number + 1][0] if number + 1 < len(speakers) else None
        if turn_end is None and not lines[index][1][match.end():].strip():
            turn_end = min(index + 2, len(lines))  # "WALLACE:" alone on its line speaks on the next one
        if turn_end is not None:
            for following in range(index + 1, turn_end):
                following_start, following_line = lines[following]
                if STAGE_DIRECTION.fullmatch(following_line.strip()):
                    break
                paragraphs.append((following_start, following_start + len(following_line)))
        for paragraph in paragraphs:
            content = trim_span(text, *paragraph)
            if any(character.isalnum() for character in text[content[0] : content[1]]):  # not "…."
                found.append(Candidate(content, cue, source, None))
    return found
