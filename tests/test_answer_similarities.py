"""The refusal's similarity rows (kb.answers.pipeline.Answerer._similarity_rows)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from kb.api import KnowledgeBase


def test_refusal_similarities_embed_each_passage_once(fake_kb: KnowledgeBase,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A passage read before is embedded only once: a later question over the same top
    passages embeds just itself, and gets the similarities a fresh run gives."""
    embedded: list[str] = []
    embedder = fake_kb.embedder()
    real_embed = embedder.embed

    def counting_embed(texts: Sequence[str]) -> list[list[float]]:
        embedded.extend(texts)
        return real_embed(texts)

    monkeypatch.setattr(embedder, "embed", counting_embed)
    passages = ["Refuge places for women and children fleeing abuse.",
                "Training for frontline staff on coercive control."]
    first = fake_kb._answerer._similarity_rows(["How many refuge places?"], passages)
    assert embedded == ["How many refuge places?", *passages]
    embedded.clear()
    again = fake_kb._answerer._similarity_rows(["Who trains frontline staff?"], passages[::-1])
    assert embedded == ["Who trains frontline staff?"]
    fresh = real_embed(["Who trains frontline staff?", *passages[::-1]])
    expected = [sum(x * y for x, y in zip(fresh[0], v, strict=True)) for v in fresh[1:]]
    assert again[0] == pytest.approx(expected)
    assert first[0][0] != pytest.approx(first[0][1])  # a row holds each passage's own
