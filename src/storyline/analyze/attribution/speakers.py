"""Name the speaker of an attribution as fully as the article does.

Articles introduce a person once in full ("White House spokesperson Sarah Sanders") and then write
"Sanders" or "she". A reader of a quote list wants the full name every time, so a surname is looked up
among the article's PERSON names and a pronoun goes to the nearest person before it who could be meant
(gender is known only where the article shows it: Mr./Ms., spokeswoman, a pronoun already tied to the name).
A source that names nobody ("the senior U.S. defense official") stays as written: inventing a name would
be worse than none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from storyline.analyze.attribution.cues import Candidate
from storyline.analyze.nlp import doc_text, entities, entities_within

SINGULAR_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
FIRST_PERSON = {"i", "me", "we", "us"}
PLURAL_PRONOUNS = {"they", "them"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
TITLE_WORDS = frozenset(
    """mr mrs ms miss dr sen rep gov col gen lt sgt capt maj adm brig cmdr president vice secretary senator
    representative governor mayor judge justice minister prime chancellor spokesman spokeswoman spokesperson
    sir lord lady rev pastor prof professor deputy press""".split()
)
FEMININE_WORDS = frozenset(
    "mrs ms miss spokeswoman congresswoman chairwoman businesswoman woman wife mother daughter sister".split()
)
MASCULINE_WORDS = frozenset(
    "mr spokesman congressman chairman businessman man husband father son brother".split()
)
NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "an-")
# How far back (characters) a pronoun may reach for the person it stands for.
PRONOUN_REACH = 2500


def name_key(word: str) -> str:
    """ "al-Abbasi", "Abbasi" and "Abbasi's" all key to "abbasi"."""
    word = word.lower().strip(".,’'")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    for prefix in NAME_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix):]
    return word


def clean_person_name(entity: SpacySpan) -> str:
    """The entity without leading titles or a trailing possessive: "Col. Ryan Dillon's" -> "Ryan Dillon"."""
    words = [token.text for token in entity]
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    if len(words) > 1 and words[-1] in ("'s", "’s"):
        words = words[:-1]
    name = entity.text  # the span's own characters: Doc.text would rebuild the whole article per name
    first = name.find(words[0])
    last_word = words[-1]
    end = name.rfind(last_word) + len(last_word)
    return name[first:end] if 0 <= first < end else " ".join(words)


def as_written(source: SpacySpan) -> str:
    """The source's noun phrase without the clauses hung on it: "the senior U.S. defense official, who
    spoke on condition of anonymity" names "the senior U.S. defense official", and "statements from Iraqi
    officials, including Defense Minister Thabit al-Abbasi" names "statements from Iraqi officials"."""
    root = source.root
    dropped = {
        token.i for child in root.children if child.dep_ in ("relcl", "acl", "advcl", "appos")
        for token in child.subtree
    }
    dropped |= {
        token.i for example in source if example.dep_ == "prep" and example.lower_ == "including"
        for token in example.subtree
    }
    kept = [token for token in source if token.i not in dropped]
    while kept and (kept[-1].is_punct or kept[-1].is_space):
        kept.pop()
    while kept and (kept[0].is_punct or kept[0].is_space):
        kept.pop(0)
    if not kept:
        return source.text
    runs_end = kept[0].i
    for token in kept[1:]:
        if token.i != runs_end + 1:
            break
        runs_end = token.i
    return source.doc[kept[0].i : runs_end + 1].text


@dataclass(frozen=True, slots=True)
class PersonMention:
    """Where the article names a person, full ("Sabrina Singh") or by surname only ("Singh")."""

    start: int
    end: int
    key: str
    root: Token


class SpeakerResolver:
    """Resolves every candidate of one article; built once per article from its parse."""

    def __init__(self, doc: Doc, candidates: Sequence[Candidate]):
        self.doc = doc
        self.text = doc_text(doc)
        self.candidates = candidates
        self.fullest: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        self.mentions: list[PersonMention] = []
        people = [entity for entity in entities(doc) if entity.label_ == "PERSON"]
        for person in people:
            words = clean_person_name(person).split()
            if not words:
                continue
            key = name_key(words[-1])
            if len(words) > len(self.fullest.get(key, "").split()):
                self.fullest[key] = clean_person_name(person)
            self._note_gender(person, key)
            self.mentions.append(PersonMention(person.start_char, person.end_char, key, person.root))
        # Surnames the entity recognizer missed ("McGurk said" tagged ORG) still name a known person.
        in_person = {token.i for person in people for token in person}
        for token in doc:
            if token.pos_ == "PROPN" and token.i not in in_person and name_key(token.text) in self.fullest:
                self.mentions.append(PersonMention(token.idx, token.idx + len(token.text), name_key(token.text), token))
        self.mentions.sort(key=lambda mention: mention.start)
        self._resolving: set[tuple[int, int]] = set()

    def _note_gender(self, person: SpacySpan, key: str) -> None:
        window = self.doc[max(0, person.start - 3) : person.end]
        for token in window:
            word = token.lower_.rstrip(".")
            if word in FEMININE_WORDS:
                self.gender.setdefault(key, "f")
            elif word in MASCULINE_WORDS:
                self.gender.setdefault(key, "m")

    def speaker(self, candidate: Candidate) -> str | None:
        """The fullest name for the candidate's source, or the source as written."""
        if candidate.source is None:
            return None
        start, end = candidate.source
        text = self.text[start:end]
        source = self.doc.char_span(start, end, alignment_mode="expand")
        if source is None or len(source) == 0:
            return text or None
        named = self._named_person(source)
        if named is not None:
            return named
        words = [token for token in source if not token.is_space]
        word = words[0].lower_ if len(words) == 1 else ""
        if word in SINGULAR_PRONOUNS:
            return self._antecedent(start, SINGULAR_PRONOUNS[word], candidate.direct) or text
        if word in FIRST_PERSON and candidate.content not in self._resolving:
            self._resolving.add(candidate.content)
            try:
                return self._quoting_speaker(start) or text
            finally:
                self._resolving.discard(candidate.content)
        if word in PLURAL_PRONOUNS:
            return self._plural_antecedent(start) or text
        if word in RELATIVE_PRONOUNS and words[0].head.dep_ == "relcl" and words[0].head.head.i != words[0].head.i:
            antecedent = words[0].head.head
            named = self._named_person(self.doc[antecedent.left_edge.i : antecedent.i + 1])
            return named or as_written(self.doc[antecedent.left_edge.i : antecedent.right_edge.i + 1])
        return as_written(source)

    def _named_person(self, source: SpacySpan) -> str | None:
        """The fullest name of the person the source is: a PERSON entity or a known surname at the head of
        the source or in apposition to it ("the envoy, Brett McGurk"), not one merely mentioned inside it
        ("statements from officials, including Thabit al-Abbasi" are not al-Abbasi's words)."""
        root = source.root
        heads = {root.i} | {child.i for child in root.children if child.dep_ in ("appos", "compound", "conj")}
        for entity in entities_within(source):
            if entity.label_ == "PERSON" and any(token.i in heads for token in entity):
                words = clean_person_name(entity).split()
                if words:
                    return self.fullest.get(name_key(words[-1]), clean_person_name(entity))
        for token in source:
            if token.i in heads and token.pos_ == "PROPN" and name_key(token.text) in self.fullest:
                following = token.i + 1
                if following < source.end and source.doc[following].pos_ == "PROPN":
                    continue
                return self.fullest[name_key(token.text)]
        return None

    def _antecedent(self, position: int, gender: str, quoting: bool) -> str | None:
        """The nearest earlier person compatible with the pronoun. A quotation ('"...," he said') most often
        continues someone who already spoke, so for quotes speakers come first, then subjects of a clause;
        for reported speech the nearest speaker or subject wins; failing those, anyone named."""
        compatible = [
            mention for mention in reversed(self.mentions)
            if mention.end <= position and position - mention.start <= PRONOUN_REACH
            and self.gender.get(mention.key, gender) == gender
        ]
        if quoting:
            tiers = (self._speaks, self._salient, lambda mention: True)
        else:
            tiers = (lambda mention: self._speaks(mention) or self._salient(mention), lambda mention: True)
        for tier in tiers:
            for mention in compatible:
                if tier(mention):
                    self.gender.setdefault(mention.key, gender)
                    return self.fullest.get(mention.key)
        return None

    def _speaks(self, mention: PersonMention) -> bool:
        """A person named in the source of an attribution: who a later "he said" most likely continues."""
        return any(c.source and c.source[0] <= mention.start < c.source[1] for c in self.candidates)

    def _salient(self, mention: PersonMention) -> bool:
        """A person who is the subject of a clause."""
        root = mention.root
        while root.dep_ in ("compound", "appos", "conj") and root.head.i != root.i:
            root = root.head
        return root.dep_ in ("nsubj", "nsubjpass")

    def _quoting_speaker(self, position: int) -> str | None:
        """ "I"/"we" inside a quotation is whoever the quotation is attributed to."""
        for candidate in self.candidates:
            if candidate.content[0] <= position < candidate.content[1] and candidate.source:
                if not (candidate.source[0] <= position < candidate.source[1]):
                    return self.speaker(candidate)
        return None

    def _plural_antecedent(self, position: int) -> str | None:
        """ "they said" continues the most recent plural source ("senior U.S. officials said ...")."""
        best: Candidate | None = None
        for candidate in self.candidates:
            if candidate.source and candidate.source[1] <= position:
                span = self.doc.char_span(*candidate.source, alignment_mode="expand")
                if span is not None and len(span) and span.root.tag_ in ("NNS", "NNPS"):
                    if best is None or candidate.source[0] > best.source[0]:
                        best = candidate
        if best is None or position - best.source[0] > PRONOUN_REACH:
            return None
        span = self.doc.char_span(*best.source, alignment_mode="expand")
        return as_written(span) if span is not None else self.text[best.source[0] : best.source[1]]
