"""One entity per real-world thing, however the articles name it.

Names are joined in this order, each step offline and explainable:

1. a curated table (``data/aliases.json``) for well-known names no rule can join: Islamic State = IS =
   ISIS = ISIL = Daesh, United States = U.S. = America; its aliases are also searched in the text
   (whole words, case-sensitive) because the spaCy model misses short ones such as "IS";
2. titles and articles are not part of a name: "President Donald Trump", "the Pentagon";
3. an acronym joins the name whose initials it spells: SDF → Syrian Democratic Forces;
4. a person's surname joins the full name: McGurk → Brett McGurk, al-Hadithi → Saad al-Hadithi, taken
   from the same article first, else from the only full name with that surname in the collection;
5. a name after a word for its kind joins it: Mitch → Hurricane Mitch.

``EntityIndex.canonical`` gives the same answer for a name seen later (a speaker, a figure's place or
owner), so every part of the story refers to one entity by one name.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from storyline.model import ArticleAnalysis, Entity

TITLES = {
    "president", "former", "vice", "prime", "minister", "secretary", "sen.", "senator", "rep.", "gov.",
    "governor", "gen.", "general", "brig.", "maj.", "col.", "colonel", "lt.", "capt.", "sgt.", "adm.",
    "admiral", "dr.", "mr.", "mrs.", "ms.", "gov", "king", "queen", "prince", "sheikh", "ayatollah",
    "spokesman", "spokeswoman", "spokesperson", "envoy", "defense", "press", "deputy", "chancellor",
}  # fmt: skip
NAME_PARTICLES = ("al-", "al ", "el-", "el ", "bin ", "ibn ", "abu ")
DESCRIPTORS = {"hurricane", "typhoon", "cyclone", "storm", "tropical", "operation", "mount", "lake", "river"}
SENTENCE_OPENERS = {
    "besides", "unlike", "like", "despite", "across", "inside", "outside", "within", "throughout", "including",
    "except", "beyond", "amid", "among", "toward", "towards", "against", "during", "after", "before", "since",
    "meanwhile", "also", "even", "only", "both", "neither", "while", "although", "whereas", "in", "at", "from",
}  # fmt: skip
"""Capitalised words that open a sentence and that the model sometimes reads into a name ("Besides Mexico")."""
ACRONYM_STOPWORDS = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "to"}
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}


@dataclass(frozen=True, slots=True)
class CuratedEntity:
    name: str
    type: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def curated_entities() -> tuple[CuratedEntity, ...]:
    """The alias table shipped with storyline."""
    data = json.loads(resources.files("storyline").joinpath("data/aliases.json").read_text(encoding="utf-8"))
    return tuple(
        CuratedEntity(item["name"], item["type"], tuple(item.get("aliases", ())), tuple(item.get("demonyms", ())))
        for item in data["entities"]
    )


@lru_cache(maxsize=1)
def _curated_lookup() -> dict[str, CuratedEntity]:
    lookup: dict[str, CuratedEntity] = {}
    for entity in curated_entities():
        for written in (entity.name, *entity.aliases, *entity.demonyms):
            lookup[written] = entity
            if not ACRONYM.match(written.replace(".", "")):
                lookup.setdefault(written.lower(), entity)
    return lookup


def curated(name: str) -> CuratedEntity | None:
    """The curated entity a name stands for; acronyms only as written ("IS" but not "is")."""
    lookup = _curated_lookup()
    if ACRONYM.match(name.replace(".", "")):
        return lookup.get(name)
    return lookup.get(name) or lookup.get(name.lower())


def strip_name(text: str) -> str:
    """ "the Pentagon's" → "Pentagon"; "President Donald Trump" → "Donald Trump" (titles only in front of a
    longer name, so "President" alone stays); "Besides Mexico" → "Mexico"."""
    name = " ".join(text.split()).strip(" ,;:\"'“”‘’()[]")
    name = re.sub(r"(?:'s|’s|'|’)$", "", name)
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    words = name.split()
    while len(words) > 1 and words[0].lower() in SENTENCE_OPENERS:
        words = words[1:]
    while len(words) > 2 and words[0].lower() in TITLES:
        words = words[1:]
    if len(words) == 2 and words[0].lower() in TITLES and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words)


@dataclass
class _Group:
    name: str
    labels: Counter = field(default_factory=Counter)
    forms: Counter = field(default_factory=Counter)
    mentions: Counter = field(default_factory=Counter)
    curated: CuratedEntity | None = None

    def add(self, form: str, label: str, article_id: str, count: int = 1) -> None:
        self.forms[form] += count
        self.labels[label] += count
        self.mentions[article_id] += count

    def absorb(self, other: _Group, label: str | None = None) -> None:
        """Take ``other``'s mentions; ``label`` overrides its labels when the merge decided the type."""
        self.labels.update({label: sum(other.labels.values())} if label else other.labels)
        self.forms.update(other.forms)
        self.mentions.update(other.mentions)


def merge_entities(analyses: Sequence[ArticleAnalysis]) -> list[Entity]:
    """Entities across all articles, most mentioned first, each with the forms it was written in and
    its mention count per article."""
    groups: dict[str, _Group] = {}
    people_by_article: dict[str, set[str]] = defaultdict(set)
    for analysis in analyses:
        for form, label in _observations(analysis):
            entity = curated(form) or curated(strip_name(form))
            if entity is not None and form in entity.demonyms:
                continue
            key = entity.name if entity else strip_name(form)
            if not key:
                continue
            group = groups.setdefault(key, _Group(key, curated=entity))
            group.add(_clean_form(form), entity.type if entity else label, analysis.article.id)
            if group.curated is None and label == "PERSON":
                people_by_article[analysis.article.id].add(key)
    _join_acronyms(groups)
    _join_surnames(groups, people_by_article)
    _join_descriptors(groups)
    entities = [_entity(group) for group in groups.values()]
    return sorted(entities, key=lambda e: (-sum(e.mentions.values()), e.name))


def _observations(analysis: ArticleAnalysis) -> Iterable[tuple[str, str]]:
    """spaCy's names and the curated aliases found in the text (whole words). Where both cover the same
    words the longer reading wins: "Islamic State group" over spaCy's "Islamic", spaCy's "U.S. Army"
    over the alias "U.S."."""
    text = analysis.article.text
    mentions = sorted(
        (m.span.start, m.span.end, m) for m in analysis.mentions if m.label in NAME_LABELS
    )
    matches = _curated_matches(text)
    for start, end, mention in mentions:
        if not _covered(matches, start, end):
            yield _clean_form(mention.text), mention.label
    for start, end, entity in matches:
        if not _covered(mentions, start, end, strictly=True):
            yield text[start:end], entity.type


def _covered(spans: Sequence[tuple[int, int, object]], start: int, end: int, strictly: bool = False) -> bool:
    """Whether a span of ``spans`` (sorted, non-overlapping) contains [start, end) — and is longer, if
    ``strictly``. Binary search keeps this fast on long articles with hundreds of names."""
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if index < 0:
        return False
    other_start, other_end, _ = spans[index]
    return other_end >= end and not (strictly and (other_start, other_end) == (start, end))


def _curated_matches(text: str) -> list[tuple[int, int, CuratedEntity]]:
    """Curated names in the text, the longest alias at each place, never overlapping one another."""
    pattern, entity_of = _alias_pattern()
    found: list[tuple[int, int, CuratedEntity]] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if end - start <= 3 and _shouting(text, start, end):
            continue
        found.append((start, end, entity_of[match.group()]))
    return found


@lru_cache(maxsize=1)
def _alias_pattern() -> tuple[re.Pattern[str], dict[str, CuratedEntity]]:
    """One regular expression for every curated alias, longest first, so one scan finds them all."""
    entity_of = {
        alias: entity for entity in curated_entities() for alias in (entity.name, *entity.aliases)
    }
    alternatives = "|".join(re.escape(alias) for alias in sorted(entity_of, key=lambda alias: (-len(alias), alias)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w])"), entity_of


def _clean_form(text: str) -> str:
    """A name as written, without line breaks, a possessive or a leading "the"."""
    form = " ".join(text.split())
    form = re.sub(r"(?:'s|’s)$", "", form)
    return re.sub(r"^(?:the|The|THE)\s+", "", form)


def _shouting(text: str, start: int, end: int) -> bool:
    """An all-capitals headline ("WHAT IS NEXT") makes any short word look like an acronym."""
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 30) : start])[-1:]
    after = re.findall(r"[A-Za-z]+", text[end : end + 30])[:1]
    return any(len(word) > 1 and word.isupper() for word in before + after)


def _join_acronyms(groups: dict[str, _Group]) -> None:
    """SDF joins Syrian Democratic Forces when exactly one name has those initials."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for name in groups:
        by_initials[_initials(name)].append(name)
    for key in [k for k in groups if ACRONYM.match(k.replace(".", "")) and groups[k].curated is None]:
        expansions = [other for other in by_initials.get(key.replace(".", ""), ()) if other != key and other in groups]
        if len(expansions) == 1:
            groups[expansions[0]].absorb(groups.pop(key))


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_STOPWORDS]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def _join_surnames(groups: dict[str, _Group], people_by_article: dict[str, set[str]]) -> None:
    """McGurk joins Brett McGurk: the full name in the same article, else the only one in the collection.
    spaCy often labels a lone surname ORG or GPE ("Singh", "McGurk"); such a name joins a person only
    when that person is named in full in the same article."""
    full_names = {key for key in groups if len(key.split()) > 1 and groups[key].labels.get("PERSON")}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(full_names):
        by_surname[surname_key(name)].append(name)
    for key in [k for k in groups if groups[k].curated is None and (len(k.split()) == 1 or _particled(k))]:
        if key not in groups or key in full_names or not surname_key(key):
            continue
        group = groups[key]
        candidates = [name for name in by_surname.get(surname_key(key), ()) if name in groups]
        same_article = [n for n in candidates if any(n in people_by_article[a] for a in group.mentions)]
        chosen = same_article if same_article else candidates if group.labels.get("PERSON") else []
        if len(chosen) == 1:
            groups[chosen[0]].absorb(groups.pop(key), label="PERSON")


def _join_descriptors(groups: dict[str, _Group]) -> None:
    """ "Mitch" joins "Hurricane Mitch": a common word naming the kind of thing is not part of the name."""
    for key in [k for k in groups if len(k.split()) > 1 and k.split()[0].lower() in DESCRIPTORS]:
        short = key.split(" ", 1)[1]
        if short in groups and groups[short].curated is None and key in groups:
            groups[key].absorb(groups.pop(short), label=groups[key].labels.most_common(1)[0][0])


def _particled(name: str) -> bool:
    return name.lower().startswith(NAME_PARTICLES) and len(name.split()) <= 2


def surname_key(name: str) -> str:
    """ "al-Hadithi", "Hadithi", "Saad al-Hadithi" all give "hadithi"."""
    last = name.split()[-1].lower() if name.split() else ""
    for particle in NAME_PARTICLES:
        last = last.removeprefix(particle.strip())
    return last.lstrip("-")


def _entity(group: _Group) -> Entity:
    if group.curated is not None:
        name, kind = group.curated.name, group.curated.type
    else:
        name, kind = _best_form(group), group.labels.most_common(1)[0][0]
    aliases = tuple(form for form, _ in group.forms.most_common() if form != name)
    return Entity(name=name, type=kind, aliases=aliases, mentions=dict(sorted(group.mentions.items())))


def _best_form(group: _Group) -> str:
    """The fullest name for people ("Brett McGurk"), the spelled-out name for acronyms, else the key."""
    stripped = Counter(strip_name(form) for form in group.forms.elements())
    if group.labels.most_common(1)[0][0] == "PERSON" or ACRONYM.match(group.name.replace(".", "")):
        return max(stripped, key=lambda form: (len(form.split()), stripped[form], len(form)))
    return group.name


class EntityIndex:
    """Answers "which entity is this name?" for names read after merging (speakers, places, owners)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._people: dict[str, list[str]] = defaultdict(list)
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                self._exact.setdefault(form, entity.name)
                self._exact.setdefault(strip_name(form), entity.name)
                if not ACRONYM.match(form.replace(".", "")):
                    self._folded.setdefault(strip_name(form).lower(), entity.name)
            if entity.type == "PERSON" and len(entity.name.split()) > 1:
                self._people[surname_key(entity.name)].append(entity.name)

    def canonical(self, name: str) -> str:
        """The entity's name for ``name``; a name that is no known entity comes back as written."""
        stripped = strip_name(name)
        for candidate in (name, stripped):
            if candidate in self._exact:
                return self._exact[candidate]
        if stripped.lower() in self._folded and not ACRONYM.match(stripped.replace(".", "")):
            return self._folded[stripped.lower()]
        entity = curated(name) or curated(stripped)
        if entity is not None:
            return entity.name
        if len(stripped.split()) == 1 or _particled(stripped):
            people = self._people.get(surname_key(stripped), [])
            if len(people) == 1:
                return people[0]
        return name.strip()
