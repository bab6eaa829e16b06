"""List questions: the best hit's list continues right after it, behind its close rivals."""

from kb.retrieval.lists import with_list_continuation


def test_continuation_follows_the_best_hit():
    scores = {10: 1.0, 3: 0.5, 4: 0.4, 11: 1.0, 12: 1.0}
    assert with_list_continuation([10, 3, 4], [11, 12], scores) == [10, 11, 12, 3, 4]


def test_a_close_rival_is_not_pushed_out_by_the_continuation():
    scores = {10: 1.0, 7: 0.95, 3: 0.5, 11: 1.0, 12: 1.0}
    assert with_list_continuation([10, 7, 3], [11, 12], scores) == [10, 7, 11, 12, 3]


def test_a_continuation_chunk_already_ranked_is_not_repeated():
    scores = {10: 1.0, 11: 0.96, 3: 0.5, 12: 1.0}
    assert with_list_continuation([10, 11, 3], [11, 12], scores) == [10, 11, 12, 3]
