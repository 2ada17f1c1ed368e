"""Reported speech found through the dependency parse: a cue verb, its subject (the source) and its
complement (the content).

News attributes far more than speech: claims, beliefs, plans, findings of a poll, support and criticism.
The lexicon below groups the verbs by what they report, because the group decides which complement carries
the content: a clause for "say", an infinitive for "plan", a plain object for "endorse".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from storyline.analyze.attribution.agents import PEOPLE, can_speak
from storyline.analyze.nlp import doc_text

# Verbs that report what someone said or wrote; their content is a clause or a quotation.
SPEECH_VERBS = frozenset(
    """say tell add write state announce declare report explain note claim argue insist assert maintain contend
    acknowledge admit concede confirm deny reply respond answer ask warn caution predict promise pledge vow
    threaten suggest propose recommend urge describe recall recount mention reveal disclose tweet post email
    complain lament joke quip boast brag stress emphasize reiterate repeat comment remark observe testify
    estimate forecast project conclude allege charge inform assure remind signal indicate imply hint agree
    disagree counter retort shout chant cry exclaim whisper echo affirm  tout quote cite explain
    concede caution contend acknowledge predict reassure mutter grumble rule order demand muse interject
    proclaim rebut yell scream outline detail document list retweet clarify dispute underscore""".split()
)
# Speech verbs that need someone to do the speaking; the others also take evidence for a subject ("the
# data suggest", "the loophole explains", "the move signals").
AGENT_SPEECH_VERBS = SPEECH_VERBS - frozenset(
    """suggest indicate signal imply hint reveal confirm echo explain predict promise threaten estimate forecast
    project conclude document detail list outline describe rule order propose recommend""".split()
)
# Verbs of belief, knowledge and feeling; content is a clause ("believes that...") or an object.
COGNITION_VERBS = frozenset(
    """think believe know expect fear hope worry feel doubt wonder suspect assume consider understand realize
    recognize view regard remember learn  guess imagine anticipate trust envision""".split()
)
# Verbs of intention and wish; content is an infinitive ("wants to...") or an object.
INTENTION_VERBS = frozenset(
    """want wish seek plan intend aim prefer request refuse decline agree vow pledge promise threaten 
    hope expect""".split()
)
# Verbs of stance towards something; content is their object ("endorsed Trump", "criticized the plan").
STANCE_VERBS = frozenset(
    """support back endorse oppose  advocate criticize praise attack blame accuse defend reject dismiss
    condemn denounce decry slam blast mock welcome applaud thank question   call
    propose announce deny cite describe discuss address release unveil tout highlight see name offer share
    identify nominate compare express ignore apologize encourage congratulate portray interpret hail 
    deem protest bemoan disavow dub like love hate dislike appreciate admire respect champion
    characterize label brand reference assail rebuke lambast deride credit invoke liken challenge rebuff
    voice chide""".split()
)
# Prepositions whose object is the content: "talk about X", "call for X", "weigh in on X".
_ABOUT = ("about", "on", "of", "over")
PREPOSITION_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("""talk speak think worry care know learn ask write complain joke comment hear read tweet testify lie brag
    boast warn argue feel  insist reflect speculate rant rail disagree agree report remind inform
    question""", _ABOUT),
    ("call push press advocate campaign lobby argue ask plead vote praise blame vouch", ("for",)),
    ("call urge", ("on",)),
    ("speak campaign vote fight rail warn", ("against", "for")),
    ("refer object respond reply react allude", ("to",)),
    ("describe characterize portray regard label brand dub", ("as",)),
    ("balk lash", ("at",)),
    ("side spar", ("with",)),
    ("distance", ("from",)),
)
PREPOSITIONS: dict[str, tuple[str, ...]] = {}
for _verbs, _prepositions in PREPOSITION_GROUPS:
    for _verb in _verbs.split():
        PREPOSITIONS[_verb] = PREPOSITIONS.get(_verb, ()) + _prepositions
# Verbs whose subject is often a document or a study ("the poll shows", "the report found").
EVIDENCE_VERBS = frozenset("show find suggest indicate reveal demonstrate prove confirm".split())

# Verbs that report only through a clause ("pointed out that ..."); their objects are something else.
CLAUSE_ONLY_VERBS = frozenset("point".split())
CLAUSE_VERBS = SPEECH_VERBS | COGNITION_VERBS | EVIDENCE_VERBS | INTENTION_VERBS | CLAUSE_ONLY_VERBS
OBJECT_VERBS = STANCE_VERBS | INTENTION_VERBS | (COGNITION_VERBS - {"know", "think"}) | (
    SPEECH_VERBS - {"say", "tell", "add", "ask", "order", "rule", "deny", "maintain"}) | frozenset(
    "ask urge promise pledge propose predict estimate mention recall reveal acknowledge admit confirm show".split()
)
FOR_CLAUSE_VERBS = frozenset("call push press ask argue plead".split())
CUE_VERBS = CLAUSE_VERBS | OBJECT_VERBS | frozenset(PREPOSITIONS)
# Adjectives of stance or certainty that take a clause or "about": "hopeful that", "worried about".
ADJECTIVE_CUES = frozenset(
    """sure confident hopeful aware convinced certain worried concerned afraid optimistic pessimistic skeptical
    adamant clear unclear doubtful fearful proud happy glad angry upset furious critical supportive eager
    determined willing reluctant open opposed confident""".split()
)
_ADJECTIVE_PREPOSITIONS = ("about", "of", "over", "with", "that")
# Nouns that report a claim or an attitude when a that-clause follows: "the claim that ...".
NOUN_CUES = frozenset(
    """claim suggestion belief assertion view argument idea notion fear hope concern statement report warning
    promise pledge charge allegation accusation insistence admission acknowledgment announcement message
    sense refrain worry expectation prediction conclusion finding position contention theory impression
    assessment estimate consensus opinion feeling""".split()
)
# Verbs of appearance: "the GOP leaners seem enamored with Trump", "it appears that ..."; what seems so is
# the content, and the one it seems so to (if named) the source. On PolNeAR train about half their
# occurrences are annotated attributions, as many as for "continue".
SEEMING_VERBS = frozenset("seem appear".split())
# Words that stand for what was said ("said so", "said no", "said the same").
PRO_FORMS = frozenset("so yes no that this it same otherwise nothing".split())
# What a clause may come from, named after "in": "In a CNN poll, ...". (Interviews and statements were
# tried too: their clause usually has its own speech verb, and precision on PolNeAR train fell.)
SOURCE_NOUNS = frozenset(
    "poll survey study".split()
)
# Verbs that, as a participle after a noun, only give its name ("a group called ...").
NAMING_VERBS = frozenset("call name dub label brand title term".split())
# Verbs whose object is the person addressed ("told reporters that"), never part of the content.
ADDRESSEE_VERBS = frozenset("tell inform assure remind warn ask urge notify advise caution reassure".split())
# Nouns of stance whose prepositional object is what they are about: "Pence's call for a special
# prosecutor", "criticism of the deal".
NOUN_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "call": ("for",), "demand": ("for",), "support": ("for",), "praise": ("for",), "plea": ("for",),
    "criticism": ("of",), "endorsement": ("of",), "condemnation": ("of",), "denunciation": ("of",),
    "critique": ("of",), "rejection": ("of",), "opposition": ("to",), "objection": ("to",),
    "attack": ("on",), "complaint": ("about",), "question": ("about",),
    "warning": ("about", "of"), "proposal": ("for",), "promise": ("of",), "comment": ("about", "on"),
    "remark": ("about", "on"), "view": ("of", "on"), "position": ("on",),
}
# Verbs that frame a direct quotation next to them ('"...," Singh said', 'Caddell continued:').
QUOTE_FRAME_VERBS = SPEECH_VERBS | frozenset("think believe continue".split())

# Nouns for an act of speaking rather than what was said, and the verbs that make or request such an act:
# "asked for comment", "issued a statement", "gave no details".
SPEECH_ACT_NOUNS = frozenset(
    "comment question remark statement response answer reply interview speech detail".split()
)
SPEECH_ACT_VERBS = frozenset(
    "ask seek request release issue offer give deliver provide post answer want decline refuse".split()
)

# What "on" introduces when it gives how or where someone spoke, not what about: "on condition of
# anonymity", "on the record", "on behalf of", "on camera", "on Twitter".
CIRCUMSTANCE_NOUNS = frozenset(
    """condition record behalf background camera tape phone telephone air television tv radio stage front
    occasion basis twitter facebook instagram youtube""".split()
)

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Tags of a verb or auxiliary that carries tense: a clause of its own, not a participle or an infinitive.
FINITE_TAGS = ("VBZ", "VBD", "VBP", "MD")
_EDGE_PUNCT = " \t\n,;:.-—–"
# A conjunction left at the end when the parse cuts a coordination short ("... the nominee but"): it
# joins nothing in the span, so it is dropped.
DANGLING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|but|or|nor)(?: rather)?$", re.IGNORECASE)


# Forms the statistical lemmatizer gets wrong in ways that hide a cue ("hoping" -> "hop").
LEMMA_FIXES = {"hoping": "hope", "hoped": "hope", "hopes": "hope", "retweeted": "retweet", "retweets": "retweet",
               "retweeting": "retweet"}


def cue_lemma(token: Token) -> str:
    return LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


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
    while start < end and (text[start] in _EDGE_PUNCT or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1].isspace()):
        end -= 1
    dangling = DANGLING_CONJUNCTION.search(text, start, end)
    if dangling is not None and dangling.start() > start:
        return trim_span(text, start, dangling.start())
    return start, end


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it is coordinated with or modifies
    ("... and added", "..., adding")."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
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


def subtree_extent(token: Token, excluding: Token | Sequence[Token] | None = None) -> tuple[int, int] | None:
    """Character extent of the token's subtree, optionally minus other subtrees inside it; when an
    excluded part splits it, the longest contiguous run is kept."""
    indices = sorted(descendant.i for descendant in token.subtree)
    if excluding is not None:
        excluded = [excluding] if isinstance(excluding, Token) else list(excluding)
        removed = {descendant.i for part in excluded for descendant in part.subtree}
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


def _complements(verb: Token) -> list[Token]:
    """The children that carry what is reported, chosen by the verb's group: a clause for "say", an
    infinitive for "want", objects (with their predicate: "called Trump a fascist") for "endorse", and the
    object of "about", "for", "on" for "talk about", "call for", "call on ... to"."""
    lemma = cue_lemma(verb)
    children = list(verb.children)
    clauses = [child for child in children if child.dep_ == "ccomp"] if lemma in CLAUSE_VERBS else []
    if lemma in CLAUSE_VERBS and lemma not in ADDRESSEE_VERBS:
        # "She added the defeat of IS does not mean ...": the parser takes the clause's subject for the
        # verb's object and the clause's verb for a conjunct (or a ccomp); both belong to the content.
        objects = [child for child in children if child.dep_ == "dobj" and child.i > verb.i]
        predicates = [
            child for child in children
            if child.dep_ in ("conj", "ccomp") and child.pos_ in ("VERB", "AUX")
            and not any(grand.dep_ in SUBJECT_DEPS for grand in child.children)
        ]
        if objects and predicates and objects[0].i < predicates[0].i:
            return [objects[0], predicates[0]]
    if clauses:
        return clauses
    if lemma in ("ask", "wonder"):
        # "asked the students if they were always so serious": the question, not the one asked
        questions = [child for child in children if child.dep_ == "advcl" and any(
            grand.dep_ == "mark" and grand.lower_ in ("if", "whether") for grand in child.children)]
        if questions:
            return questions
    found: list[Token] = []
    takes_infinitive = lemma in INTENTION_VERBS or lemma in SPEECH_VERBS
    takes_object = lemma in OBJECT_VERBS and lemma not in ("say", "tell")
    for child in children:
        if child.dep_ == "xcomp" and takes_infinitive and any(grand.dep_ == "aux" for grand in child.children):
            found.append(child)
        elif child.dep_ in ("dobj", "oprd") and takes_object and child.pos_ != "PRON":
            found.append(child)
        elif child.dep_ == "xcomp" and takes_object and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in PREPOSITIONS.get(lemma, ()):
            found.extend(grand for grand in child.children if grand.dep_ in ("pobj", "pcomp")
                         and not _circumstance(child, grand))
        elif child.dep_ == "advcl" and lemma in FOR_CLAUSE_VERBS and any(
            grand.dep_ == "mark" and grand.lower_ == "for" for grand in child.children
        ):
            found.append(child)
    if found and found[0].dep_ in ("pobj", "pcomp"):
        taken = {token.i for token in found}
        found.extend(child for child in children if child.dep_ == "xcomp" and child.i not in taken)
    if not found and lemma in ("say", "tell", "ask", "wonder", "explain"):
        # "said seeing so many officers was a welcome sight": a clause the parser took for an object or
        # for a bare participle
        found = [child for child in children if child.pos_ in ("VERB", "AUX") and (
            child.dep_ == "dobj" or (child.dep_ == "xcomp" and child.tag_ == "VBG"))]
    if not found and lemma in SPEECH_VERBS:
        # "half said so", "75 percent said yes", "a third said the same": the word stands for what was said
        found = [child for child in children if child.i > verb.i and child.lower_ in PRO_FORMS
                 and child.dep_ in ("dobj", "advmod", "intj", "ccomp")]
    return found


def _circumstance(preposition: Token, noun: Token) -> bool:
    """ "spoke on the condition of anonymity", "commented on Twitter", "spoke on Monday": "on" giving the
    terms, the medium or the day of speaking rather than its topic."""
    if preposition.lower_ != "on" or any(child.dep_ == "poss" for child in noun.children):
        return False  # "attacks on Sanders' record" is about the record
    return noun.ent_type_ in ("DATE", "TIME") or cue_lemma(noun) in CIRCUMSTANCE_NOUNS


def _trailing_complements(verb: Token, complements: list[Token]) -> list[Token]:
    """What the content goes on with after its first part: an object's predicate ("criticized Clinton
    *for having ties*", "described the plan *as a buzz*") and a further clause with its own subject
    ("said he would support the nominee, *but he doesn't want to be involved*")."""
    last = max(token.right_edge.i for token in complements)
    more: list[Token] = []
    object_content = all(token.dep_ in ("dobj", "pobj", "pcomp", "oprd", "xcomp") for token in complements)
    for child in verb.children:
        if child.i <= last:
            continue
        if object_content and child.dep_ in ("prep", "xcomp", "oprd", "ccomp", "acomp") and child.lower_ not in (
            "in", "at", "on", "during", "after", "before", "since", "while", "according"):
            more.append(child)
        elif child.dep_ == "conj" and any(grand.dep_ in SUBJECT_DEPS for grand in child.children) and (
                cue_lemma(child) not in CUE_VERBS):
            more.append(child)  # "... and three-quarters said the same of Sanders" reports on its own
        elif not object_content and _stray_predicate(child):
            more.append(child)
    return more


def _stray_predicate(token: Token) -> bool:
    """The rest of a that-clause the parser hung on the cue: in "warned that an IS rebuild, years in the
    making, in the central Syrian desert has been flowing across the Euphrates", "has been flowing" comes
    out as a modifier of "warned". A finite verb with no subject and no subordinator cannot modify the cue
    on its own; it is the predicate of the reported clause."""
    if token.dep_ != "advcl" or token.pos_ not in ("VERB", "AUX") or cue_lemma(token) in CUE_VERBS:
        return False
    if any(child.dep_ in SUBJECT_DEPS or child.dep_ in ("mark", "expl") for child in token.children):
        return False
    if any(part.lower_ == "according" for part in token.subtree):
        return False  # "..., according to an email previously kept secret" credits the clause
    return token.tag_ in FINITE_TAGS or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS for child in token.children)


def _extent(tokens: list[Token], subject: Token | None) -> tuple[int, int] | None:
    """Characters from the first to the last complement's subtree, leaving out a "for" that introduces
    a clause (it belongs to the cue "calling for")."""
    starts, ends = [], []
    for token in tokens:
        excluded = [part for part in token.subtree if part.i != token.i and (
            _reports_on_its_own(part) or (part.head.i == token.i and _contrasting_clause(part))
            or _closing_aside(part, token) or _leading_date(part, token))]
        if subject is not None and subject.i in {d.i for d in token.subtree}:
            excluded.append(subject)
        extent = subtree_extent(token, excluding=excluded or None)
        if extent is None:
            continue
        if token.dep_ == "advcl":
            marks = [child for child in token.children if child.dep_ == "mark" and child.lower_ == "for"]
            if marks and marks[0].idx == extent[0] and marks[0].i + 1 < len(token.doc):
                extent = (token.doc[marks[0].i + 1].idx, extent[1])
        starts.append(extent[0])
        ends.append(extent[1])
    return (min(starts), max(ends)) if starts else None


def _leading_date(part: Token, content: Token) -> bool:
    """ "said Tuesday his actions are consistent with ...": the day of saying, parsed into the front of
    the clause, is when the words were said, not part of them."""
    return (part.dep_ == "npadvmod" and part.ent_type_ in ("DATE", "TIME")
            and part.left_edge.i == content.left_edge.i and part.head.i == content.i)


def _reports_on_its_own(token: Token) -> bool:
    """A participle of speech hanging off the content ("..., saying it's all about management") or a
    coordinated speech verb ("said A and noted that B") starts an attribution of its own."""
    if cue_lemma(token) not in SPEECH_VERBS:
        return False
    if token.dep_ == "conj" and token.tag_ == "VB" and _shares_modal(token):
        return False  # "says he'd sit Putin down and tell him ...": the second verb is more of the claim
    return (token.dep_ in ("advcl", "conj", "xcomp") and token.tag_ == "VBG") or token.dep_ == "conj"


def _shares_modal(token: Token) -> bool:
    """True for a bare verb with no auxiliary of its own coordinated with one under "would", "will" or
    "to": "he'd sit Putin down and tell him", where "tell" is as much reported as "sit"."""
    if any(child.dep_ in ("aux", "auxpass", "neg") for child in token.children):
        return False
    return any(child.dep_ == "aux" and child.tag_ in ("MD", "TO") for child in token.head.children)


def _closing_aside(part: Token, content: Token) -> bool:
    """ "..., a plan the billionaire has since modified" / "..., which forced her resignation": an aside
    set off by a comma at the very end of the content is the writer's gloss, not the reported words."""
    if part.dep_ not in ("appos", "relcl") or part.right_edge.i != content.right_edge.i:
        return False
    before = part.doc[part.left_edge.i - 1] if part.left_edge.i > 0 else None
    return before is not None and before.text == ","


def _contrasting_clause(token: Token) -> bool:
    """ "..., but he pressed Clinton to do more": a clause with its own subject joined by "but" or
    "whereas" is the writer going on, not more of what was reported. A "while" clause is most often part
    of the claim ("she will protect reproductive rights while her opponent wants to take America backward")."""
    if token.dep_ not in ("conj", "advcl") or not any(child.dep_ in SUBJECT_DEPS for child in token.children):
        return False
    joiners = [t for t in token.doc[max(0, token.left_edge.i - 1) : token.i] if t.dep_ in ("cc", "mark")]
    if any(child.dep_ == "mark" and child.lower_ == "that" for child in token.children):
        return False  # "said he opposes X but that the plans won't help": a second reported clause
    return any(t.lower_ in ("but", "whereas", "though", "although", "yet") for t in joiners)


def _cue_through(verb: Token, content_start: int) -> tuple[int, int]:
    """The cue extended over the words between the verb and a prepositional content ("called for",
    "talk about"), when only a preposition stands between them."""
    start, end = cue_extent(verb)
    between = []
    for token in verb.doc[verb.i + 1 :]:
        if token.idx >= content_start:
            break
        if token.idx >= end:
            between.append(token)
    if between and len(between) <= 2 and all(t.dep_ in ("prep", "mark", "prt") for t in between):
        last = between[-1]
        end = last.idx + len(last.text)
    return start, end


def _parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """For a cue set inside or after its content ("The second phase, they said, will start"; "..., officials
    said"), the content is the clause the cue hangs from, minus the cue's own phrase."""
    if verb.dep_ not in ("parataxis", "advcl") or verb.head.i == verb.i:
        return None
    if any(child.dep_ == "mark" and child.lower_ != "as" for child in verb.children):
        return None  # "..., because many disagreed" is a subordinate clause; "as the Post reported" a cue
    if any(child.dep_ in ("ccomp", "dobj", "xcomp") for child in verb.children):
        return None
    return subtree_extent(verb.head, excluding=verb)


def find_cue_attributions(doc: Doc) -> list[Candidate]:
    """Attributions anchored on a cue verb or on "according to", in text order."""
    text = doc_text(doc)
    found: list[Candidate] = []
    for token in doc:
        candidate = _according_to(token) if token.lower_ == "according" else None
        if token.lower_ == "in":
            candidate = _in_a_source(token)
        lemma = cue_lemma(token)
        if candidate is None and token.pos_ == "VERB" and lemma in CUE_VERBS:
            candidate = _verb_attribution(token, text)
        elif candidate is None and token.pos_ in ("VERB", "AUX") and lemma in SEEMING_VERBS:
            candidate = _seeming_attribution(token, text)
        elif candidate is None and token.pos_ == "ADJ" and lemma in ADJECTIVE_CUES:
            candidate = _adjective_attribution(token, text)
        elif candidate is None and token.pos_ == "NOUN" and (lemma in NOUN_CUES or lemma in NOUN_PREPOSITIONS):
            candidate = _noun_attribution(token, text)
        if candidate is not None:
            found.append(candidate)
    return found


def _verb_attribution(verb: Token, text: str) -> Candidate | None:
    if verb.dep_ in ("acl", "amod") and cue_lemma(verb) in NAMING_VERBS:
        return None  # "a super PAC called Future 45" names something; nobody is quoted
    subject = subject_of(verb)
    if _reduced_relative(verb, subject):
        return None  # "The drawdown announced Monday is the first since 2014": nobody speaks
    if subject is not None and subject.dep_ == "nsubj" and cue_lemma(verb) in AGENT_SPEECH_VERBS and not can_speak(
            subject):
        subject = None  # "the civil war has claimed ...": an event is no speaker; the words stay unattributed
    if subject is not None and _addressed(verb, subject):
        subject = _agent_of(verb)
    source = subtree_extent(subject) if subject is not None and subject.dep_ != "csubj" else None
    complements = _complements(verb)
    if complements and _names_speech_only(verb, complements):
        return None
    if complements:
        complements += _trailing_complements(verb, complements)
        content = _extent(complements, subject)
        cue = _cue_through(verb, content[0]) if content else None
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


def _names_speech_only(verb: Token, complements: list[Token]) -> bool:
    """ "told the AP when asked for comment", "released a statement", "asked a question": the object names
    the act of speaking and carries nothing that was said; "quoted a U.S. official" names who said it.
    (PolNeAR marks such objects only when they are what someone attacks or praises: "blasted the
    statement".)"""
    if len(complements) != 1:
        return False
    if cue_lemma(verb) == "quote" and _is_person(complements[0]) and not any(
            child.dep_ in ("prep", "oprd") and child.lower_ == "as" for child in verb.children):
        return True  # "Quoting provincial officials, the station said ...": the one quoted is a source
    if cue_lemma(verb) not in SPEECH_ACT_VERBS:
        return False
    noun = complements[0]
    if noun.pos_ != "NOUN" or cue_lemma(noun) not in SPEECH_ACT_NOUNS:
        return False
    if not (noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ == "for")):
        return False  # "asked about his paid speeches": the speeches are the topic
    return not any(child.dep_ in ("relcl", "acl", "ccomp", "appos") or (
        child.dep_ == "prep" and child.lower_ in _ABOUT) for child in noun.children)  # "questions about X"


def _is_person(token: Token) -> bool:
    """A person or people named or described: "a U.S. official", "Alfred Kahn"."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "NOUN" and cue_lemma(token) in PEOPLE)


def _addressed(verb: Token, subject: Token) -> bool:
    """True when the subject is the one spoken to, not the speaker: "Trump was asked whether ...", "Asked
    about the plan, Trump said ...", "told of the results". Only whoever asks or tells (named after "by",
    if at all) is the source."""
    own = subject.head.i == verb.i
    if own and subject.dep_ == "nsubjpass":
        # "he's said he'll fight" is "he has said"; "X is quoted as saying", "is reported to have" and
        # "you should be worried" still name the one who speaks or feels.
        passive = any(child.dep_ == "auxpass" and child.lower_ not in ("'s", "’s") for child in verb.children)
        return passive and cue_lemma(verb) not in ("quote", "report", "worry")
    if cue_lemma(verb) not in ADDRESSEE_VERBS:
        return False
    return not own and verb.tag_ == "VBN" and not any(child.dep_ in ("aux", "auxpass") for child in verb.children)


def _agent_of(verb: Token) -> Token | None:
    """The one named after "by" in a passive ("asked by Matt Lauer"), if any."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
    return None


def _reduced_relative(verb: Token, subject: Token | None) -> bool:
    """ "The drawdown announced Monday is the first since 2014" parses as "The drawdown announced [that it]
    is the first"; a past participle with no auxiliary whose clause has no subject of its own is the
    participle of a noun phrase ("the drawdown announced Monday"), not anyone speaking."""
    if subject is None or verb.tag_ != "VBN" or any(child.dep_ in ("aux", "auxpass") for child in verb.children):
        return False
    clauses = [child for child in verb.children if child.dep_ == "ccomp"]
    return bool(clauses) and not any(
        grand.dep_ in SUBJECT_DEPS or grand.dep_ == "expl" for clause in clauses for grand in clause.children)


def _seeming_attribution(verb: Token, text: str) -> Candidate | None:
    """'X seems to be Y', 'X appeared uneasy', 'it seems that Y': the content is what seems so (the subject
    with its predicate, or the clause); 'appeared on Fox News' has no predicate and reports nothing."""
    predicates = [child for child in verb.children if child.dep_ in ("xcomp", "acomp", "ccomp", "attr")]
    if not predicates or any(cue_lemma(part) in CUE_VERBS for part in predicates):
        return None  # "she appeared to imply that ...": the inner cue reports, with its own content
    subject = subject_of(verb)
    parts = list(predicates)
    if subject is not None and subject.lower_ != "it" and subject.dep_ != "csubj":
        parts.append(subject)
    spans = [subtree_extent(part) for part in parts]
    content = trim_span(text, min(span[0] for span in spans), max(span[1] for span in spans))
    if content[1] - content[0] < 2:
        return None
    to = next((child for child in verb.children if child.dep_ == "prep" and child.lower_ == "to"), None)
    objects = [grand for grand in to.children if grand.dep_ == "pobj"] if to is not None else []
    source = trim_span(text, *subtree_extent(objects[0])) if objects else None
    return Candidate(content=content, cue=cue_extent(verb), source=source, cue_token=verb.i)


def _according_to(token: Token) -> Candidate | None:
    """ "according to X": X is the source; the content is the clause the phrase belongs to, climbing from
    a noun, a relative clause or a second conjunct to the clause as a whole ("He returned and said little,
    according to an attendee"). A phrase in mid-clause stays inside the content, which is the clause as
    printed; one at either edge is left out."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    return _clause_of_phrase(token, doc[token.i + 1])


def _in_a_source(token: Token) -> Candidate | None:
    """ "In an early-October CBS News poll, she led Mr. Sanders 56 percent to 32 percent": the poll or
    survey a clause comes from is its source, as with "according to"."""
    after = token.right_edge.i + 1
    if after >= len(token.doc) or token.doc[after].text != "," or token.head.i < token.i:
        return None  # only a phrase set before its clause; "half said so in the poll" reports by "said"
    if token.dep_ != "prep" or not any(
        child.dep_ == "pobj" and cue_lemma(child) in SOURCE_NOUNS for child in token.children
    ):
        return None
    return _clause_of_phrase(token, token)


def _clause_of_phrase(token: Token, preposition: Token) -> Candidate | None:
    """The clause a source phrase ("according to X", "in X's poll") belongs to, as its content."""
    doc = token.doc
    objects = [child for child in preposition.children if child.dep_ == "pobj"]
    if not objects or token.head.i == token.i:
        return None
    to = preposition
    source = trim_span(doc_text(doc), *subtree_extent(objects[0]))
    clause = token.head
    while clause.head.i != clause.i and (
        clause.pos_ not in ("VERB", "AUX") or clause.dep_ in ("conj", "relcl", "acl", "xcomp", "aux", "auxpass")
    ):
        clause = clause.head
    sentence: SpacySpan = token.sent
    if not sentence.start <= clause.i < sentence.end:
        return None
    phrase = [part.i for part in token.subtree]
    in_phrase = set(phrase)
    indices = [part.i for part in clause.subtree if part.i not in in_phrase and not part.is_punct]
    if not indices:
        return None
    before = [i for i in indices if i < phrase[0]]
    after = [i for i in indices if i > phrase[-1]]
    if len(before) >= 3 and len(after) >= 3:
        # Before the verb ("Clinton, according to aides, plans to ...") the phrase sits inside what it
        # reports; after it ("59 percent view her unfavorably, according to a poll - the same as Mr.
        # Trump's") it closes what it reports, and the rest is the writer's.
        first, last = doc[before[0]], doc[(after if phrase[0] < clause.i else before)[-1]]
    else:
        side = before if len(before) >= len(after) else after
        first, last = doc[side[0]], doc[side[-1]]
    content = trim_span(doc_text(doc), first.idx, last.idx + len(last.text))
    if content[1] - content[0] < 2:
        return None
    return Candidate(content=content, cue=(token.idx, to.idx + len(to.text)), source=source,
                     cue_token=token.i)


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _adjective_attribution(adjective: Token, text: str) -> Candidate | None:
    """Stance adjectives: "Democrats are hopeful that ...", "worried about X", "eager to ...". The source
    is the subject of the copula; an expletive "it" ("it was unclear whether") names no source."""
    complements = [
        child for child in adjective.children
        if child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "advcl" and any(
            grand.dep_ == "mark" and grand.lower_ in ("that", "whether", "if") for grand in child.children))
    ]
    if not complements:
        complements = [
            grand for child in adjective.children if child.dep_ == "prep" and child.lower_ in _ADJECTIVE_PREPOSITIONS
            for grand in child.children if grand.dep_ in ("pobj", "pcomp")
        ]
    if not complements:
        return None
    content = _extent(complements, None)
    if content is None:
        return None
    head = adjective.head if adjective.dep_ in ("acomp", "ccomp", "xcomp") else adjective
    subject = subject_of(head)
    source = None
    if subject is not None and subject.lower_ != "it" and subject.dep_ != "csubj":
        source = trim_span(text, *subtree_extent(subject))
    content = trim_span(text, *content)
    if content[1] - content[0] < 2 or (source is not None and _overlaps(content, source)):
        return None
    return Candidate(content=content, cue=_cue_through(adjective, content[0]), source=source, cue_token=adjective.i)


def _noun_attribution(noun: Token, text: str) -> Candidate | None:
    """Report nouns with a that-clause: "Trump's suggestion that ...", "A common refrain is that ..."; the
    possessor is the source when there is one."""
    clause = next((child for child in noun.children if child.dep_ in ("acl", "ccomp") and any(
        grand.dep_ == "mark" and grand.lower_ == "that" for grand in child.children)), None)
    if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        clause = next((child for child in noun.head.children if child.dep_ == "ccomp" and any(
            grand.dep_ == "mark" and grand.lower_ == "that" for grand in child.children)), None)
    cue_end = noun.idx + len(noun.text)
    if clause is None:
        preposition = next((child for child in noun.children if child.dep_ == "prep"
                            and child.lower_ in NOUN_PREPOSITIONS.get(cue_lemma(noun), ())), None)
        objects = [grand for grand in preposition.children if grand.dep_ in ("pobj", "pcomp")
                   and not _circumstance(preposition, grand)] if preposition else []
        if not objects:
            return None
        clause, cue_end = objects[0], preposition.idx + len(preposition.text)
    content = subtree_extent(clause)
    if content is None:
        return None
    content = trim_span(text, *content)
    owner = next((child for child in noun.children if child.dep_ == "poss"), None)
    source = trim_span(text, *subtree_extent(owner)) if owner is not None else None
    if content[1] - content[0] < 2 or (source is not None and _overlaps(content, source)):
        return None
    return Candidate(content=content, cue=(noun.idx, cue_end), source=source, cue_token=noun.i)
