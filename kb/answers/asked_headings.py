"""A heading that asks the question ("Why partnership?" over a presentation's reasons for
working in partnership, "What has been achieved?"): the sentences under it answer a question
that asks the same, in whatever words they are written."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from kb.text import content_terms, idf_weight, is_subject_term

# the share of a heading's own words (their idf weight) the question must hold for the
# heading to ask what it asks
ASKED_SHARE = 0.5
_ASKING_WORD = re.compile(r"^\W*(why|what|how|who|when|where|which)\b", re.IGNORECASE)


def asking_heading(question: str, terms: set[str], idf: Mapping[str, float]
                   ) -> Callable[[str], bool]:
    """Whether a heading asks the question: it is a question opening with the question's
    own asking word ("why", "what"…) and the question's `terms` hold ASKED_SHARE of its
    words' weight ("Why did the 2008 slides argue for a partnership approach?": "Why
    partnership?"), the corpus's subject words aside ("What is domestic abuse?" asks
    nothing of "What does DASH stand for?")."""
    asking = _ASKING_WORD.search(question)
    word = asking.group(1).lower() if asking else ""

    def asks(heading: str) -> bool:
        heading = heading.strip().lstrip("#0123456789. ")
        own = _ASKING_WORD.search(heading)
        if not word or own is None or own.group(1).lower() != word or not heading.endswith("?"):
            return False
        said = content_terms(heading)
        specific = {term for term in said if not is_subject_term(term, idf)}
        if not specific:  # "What is domestic abuse?" asks nothing more than the subject
            return bool(said) and terms <= said
        return (idf_weight(specific & terms, idf)
                >= ASKED_SHARE * idf_weight(specific, idf))
    return asks
