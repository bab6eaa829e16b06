"""Retrieved passages written by the tests: one document of a fictional council."""

from kb.records import ChunkKind, Hit


def hit(text: str, section: str = "Local picture", similarity: float = 0.3) -> Hit:
    """A retrieved passage of a Wyvern strategy, with its similarity to the question."""
    return Hit(chunk_id="c1", text=text, score=1.0, doc_id="d", area="wyvern", title="t",
               period="2021-2024", page=None, section=section, kind=ChunkKind.CONTEXT,
               start=0, end=len(text), similarity=similarity)


def passage(chunk_id: str, text: str, section: str, start: int,
            kind: ChunkKind = ChunkKind.ACTION) -> Hit:
    """A retrieved passage of one document, at `start` in its text."""
    return Hit(chunk_id=chunk_id, text=text, score=1.0, doc_id="d", area="wyvern", title="t",
               period="2021-2024", page=None, section=section, kind=kind, start=start,
               end=start + len(text))
