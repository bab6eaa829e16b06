"""A question asking for one kind of passage (actions, indicators) gets that kind from the
section its best hits are in, ahead of the background that matched its words."""

from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.records import ChunkKind
from tests.corpus_support import corpus_kb

STRATEGY = """Wyvern Domestic Abuse Strategy 2024-2027

Stalking Victims Are Safe

What do we know about this outcome?

Stalking is widespread in Wyvern. Stalking cases reported to police rose last year, and stalking \
victims often wait months before stalking is recognised. Stalking by ex-partners is the most \
common form of stalking seen by local services.

Many stalking victims say that stalking is not taken seriously when first reported.

What strategic action should we take?

1.1 - Train frontline officers to recognise fixation and obsession early.
1.2 - Commission a specialist advocacy service for victims of fixated behaviour.

Young People Have Healthy Relationships

What do we know about this outcome?

Young people in Wyvern report controlling behaviour in their relationships, and schools ask for \
help to teach healthy relationships.

What strategic action should we take?

2.1 - Deliver healthy relationships lessons in every secondary school.
2.2 - Train teachers to spot controlling behaviour.
"""

def _kb(tmp_path: Path, sibling_hits: int) -> KnowledgeBase:
    # no intent boost: the sibling promotion alone must bring the actions forward
    return corpus_kb(tmp_path, {"wyvern.txt": STRATEGY}, intent_boost=0.0,
                     sibling_hits=sibling_hits)


@pytest.mark.parametrize("sibling_hits", [0, 3])
def test_the_actions_of_the_best_hits_section_come_first(tmp_path, sibling_hits):
    hits = _kb(tmp_path, sibling_hits).search("What will Wyvern do about stalking reported to police?",
                                              k=4)
    first = hits[0]
    if sibling_hits:
        assert first.kind == ChunkKind.ACTION and "1.1 - Train frontline officers" in first.text
        assert first.section.startswith("Stalking Victims Are Safe")
        # the other outcome's actions are not pulled in
        assert not any("2.1 - Deliver" in h.text for h in hits[:2])
    else:  # without it, the background that shares the question's words ranks first
        assert first.kind != ChunkKind.ACTION


def test_a_question_without_a_kind_is_left_alone(tmp_path):
    kb = _kb(tmp_path, 3)
    assert kb.search("stalking reported to police", k=1)[0].kind != ChunkKind.ACTION
