"""Reported speech found through the dependency parse: a cue verb, its subject (the source) and its
complement (the content).

News attributes far more than speech: claims, beliefs, plans, findings of a poll, support and criticism.
The lexicon below groups the verbs by what they report, because the group decides which complement carries
the content: a clause for "say", an infinitive for "plan", a plain object for "endorse".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

# Verbs that report what someone said or wrote; their content is a clause or a quotation.
SPEECH_VERBS = frozenset(
    """say tell add write state announce declare report explain note claim argue insist assert maintain contend
    acknowledge admit concede confirm deny reply respond answer ask warn caution predict promise pledge vow
    threaten suggest propose recommend urge describe recall recount mention reveal disclose tweet post email
    complain lament joke quip boast brag stress emphasize reiterate repeat comment remark observe testify
    estimate forecast project conclude allege charge inform assure remind signal indicate imply hint agree
    disagree counter retort shout chant cry exclaim whisper echo affirm continue tout quote cite explain
    concede caution contend acknowledge predict reassure mutter grumble rule order demand""".split()
)
# Verbs of belief, knowledge and feeling; content is a clause ("believes that...") or an object.
COGNITION_VERBS = frozenset(
    """think believe know expect fear hope worry feel doubt wonder suspect assume consider understand realize
    recognize view regard remember learn decide guess imagine anticipate trust see envision""".split()
)
# Verbs of intention and wish; content is an infinitive ("wants to...") or an object.
INTENTION_VERBS = frozenset(
    """want wish seek plan intend aim prefer request refuse decline agree vow pledge promise threaten try
    hope expect""".split()
)
# Verbs of stance towards something; content is their object ("endorsed Trump", "criticized the plan").
STANCE_VERBS = frozenset(
    """support back endorse oppose favor advocate criticize praise attack blame accuse defend reject dismiss
    condemn denounce decry slam blast mock welcome applaud thank question challenge embrace call
    propose announce deny cite describe discuss address release unveil tout highlight""".split()
)
# Verbs whose subject is often a document or a study ("the poll shows", "the report found").
EVIDENCE_VERBS = frozenset("show find suggest indicate reveal demonstrate prove confirm".split())

CLAUSE_VERBS = SPEECH_VERBS | COGNITION_VERBS | EVIDENCE_VERBS | INTENTION_VERBS
OBJECT_VERBS = STANCE_VERBS | INTENTION_VERBS | (COGNITION_VERBS - {"see", "know", "think"}) | frozenset(
    "ask urge promise pledge propose predict estimate mention recall reveal acknowledge admit confirm".split()
)
# Verbs that frame a direct quotation next to them ('"...," Singh said', 'Caddell continued:').
QUOTE_FRAME_VERBS = SPEECH_VERBS | frozenset("think believe".split())

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_EDGE_PUNCT = " \t\n,;:.-—–"
_CLOSING_MARKS = "”\"»"
_OPENING_MARKS = "“\"«„"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One attribution before speaker resolution, as character offsets into the parsed text."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    cue_token: int | None
    direct: bool = False


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop blanks and clause punctuation at the edges, but keep a quotation's own closing punctuation
    (',”' stays: it belongs to the quote as printed)."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it is coordinated with or modifies
    ("... and added", "..., adding")."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def cue_extent(verb: Token) -> tuple[int, int]:
    """The cue as printed: the verb with its auxiliaries, negation, particle and colon ("has said",
    "called for", "said:")."""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt") and abs(child.i - verb.i) <= 3:
            tokens.append(child)
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.text == ":":
        tokens.append(following)
    first = min(tokens, key=lambda token: token.i)
    last = max(tokens, key=lambda token: token.i)
    return first.idx, last.idx + len(last.text)


def subtree_extent(token: Token, excluding: Token | None = None) -> tuple[int, int] | None:
    """Character extent of the token's subtree, optionally minus another subtree inside it; when the
    excluded part splits it, the longer contiguous side is kept."""
    indices = sorted(descendant.i for descendant in token.subtree)
    if excluding is not None:
        removed = {descendant.i for descendant in excluding.subtree}
        runs: list[list[int]] = [[]]
        for index in indices:
            if index in removed:
                if runs[-1]:
                    runs.append([])
                continue
            if runs[-1] and index != runs[-1][-1] + 1:
                runs.append([])
            runs[-1].append(index)
        indices = max(runs, key=len)
    if not indices:
        return None
    doc = token.doc
    first, last = doc[indices[0]], doc[indices[-1]]
    return first.idx, last.idx + len(last.text)


def _complement(verb: Token) -> Token | None:
    """The child that carries what is reported, chosen by the verb's group."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma in CLAUSE_VERBS:
        for child in children:
            if child.dep_ == "ccomp":
                return child
    if lemma in INTENTION_VERBS or lemma in SPEECH_VERBS:
        for child in children:
            if child.dep_ == "xcomp" and any(grand.dep_ == "aux" for grand in child.children):
                return child
    if lemma in OBJECT_VERBS and lemma not in ("say", "tell"):
        for child in children:
            if child.dep_ == "dobj" and child.pos_ not in ("PRON",):
                return child
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("for", "about", "on", "of"):
                objects = [grand for grand in child.children if grand.dep_ == "pobj"]
                if objects:
                    return objects[0]
    if lemma in ("say", "tell", "ask", "wonder", "explain"):
        for child in children:
            if child.dep_ in ("ccomp", "dobj") and child.pos_ in ("VERB", "AUX"):
                return child
    return None


def _cue_with_preposition(verb: Token, content: Token) -> tuple[int, int]:
    """Extend the cue over the preposition that introduces a prepositional content ("called for")."""
    start, end = cue_extent(verb)
    if content.dep_ == "pobj" and content.head.head is verb:
        preposition = content.head
        end = max(end, preposition.idx + len(preposition.text))
    return start, end


def _parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """For a cue set inside or after its content ("The second phase, they said, will start"; "..., officials
    said"), the content is the clause the cue hangs from, minus the cue's own phrase."""
    if verb.dep_ not in ("parataxis", "advcl") or verb.head is verb:
        return None
    if any(child.dep_ in ("ccomp", "dobj", "xcomp") for child in verb.children):
        return None
    return subtree_extent(verb.head, excluding=verb)


def find_cue_attributions(doc: Doc) -> list[Candidate]:
    """Attributions anchored on a cue verb or on "according to", in text order."""
    text = doc.text
    found: list[Candidate] = []
    for token in doc:
        candidate = _according_to(token) if token.lower_ == "according" else None
        if candidate is None and token.pos_ == "VERB" and token.lemma_.lower() in CLAUSE_VERBS | OBJECT_VERBS:
            candidate = _verb_attribution(token, text)
        if candidate is not None:
            found.append(candidate)
    return found


def _verb_attribution(verb: Token, text: str) -> Candidate | None:
    subject = subject_of(verb)
    source = subtree_extent(subject) if subject is not None and subject.dep_ != "csubj" else None
    complement = _complement(verb)
    if complement is not None:
        content = subtree_extent(complement, excluding=subject if subject is not None and
                                 subject.i in {d.i for d in complement.subtree} else None)
        cue = _cue_with_preposition(verb, complement)
    else:
        content = _parenthetical_content(verb)
        cue = cue_extent(verb)
        if content is None or subject is None:
            return None
    if content is None:
        return None
    content = trim_span(text, *content)
    if content[1] - content[0] < 2 or (source is not None and _overlaps(content, source)):
        return None
    if source is not None:
        source = trim_span(text, *source)
    return Candidate(content=content, cue=cue, source=source, cue_token=verb.i)


def _according_to(token: Token) -> Candidate | None:
    """ "according to X": X is the source, the clause the phrase modifies is the content."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [child for child in to.children if child.dep_ == "pobj"]
    if not objects:
        return None
    source = trim_span(doc.text, *subtree_extent(objects[0]))
    phrase_head = token if token.head is not token else to
    clause = phrase_head.head
    if clause is phrase_head:
        return None
    sentence: SpacySpan = token.sent
    if clause.i < sentence.start or clause.i >= sentence.end:
        return None
    content = subtree_extent(clause, excluding=phrase_head)
    if content is None:
        return None
    content = trim_span(doc.text, *content)
    if content[1] - content[0] < 2 or _overlaps(content, source):
        return None
    return Candidate(content=content, cue=(token.idx, to.idx + len(to.text)), source=source,
                     cue_token=token.i)


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]
