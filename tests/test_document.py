"""checker.match.document: the words of a window and the source's vocabulary, made only where a comparison looks,
are exactly those of the whole document tokenized at once."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.match import Document
from checker.match.chunks import ChunkIndex
from checker.match.document import Vocabulary
from tests.conftest import SEEDS
from tests.test_normalize_fast import noisy_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(noisy_text(), st.integers(-3, 200), st.integers(-3, 200))
def test_a_window_holds_the_words_the_whole_text_has_there(original, start, end):
    doc = Document.from_text(original, "generated.txt")
    assert doc.words_between(start, end) == [w for w in doc.words if start <= w.start < end]


@SETTINGS
@given(noisy_text(), st.lists(st.sampled_from(["a", "the", "5", "-5", "b.c", "u.s", "isn't", "é", "x"]), max_size=5))
def test_the_vocabulary_knows_exactly_the_words_the_text_uses(original, others):
    doc = Document.from_text(original, "generated.txt")
    used = {w.text for w in doc.words}
    for word in sorted(used) + others + [w.text[1:] for w in doc.words] + [w.text[:-1] for w in doc.words]:
        assert (word in doc.vocabulary) == (word in used), word


@SETTINGS
@given(noisy_text(), st.lists(st.sampled_from(["a", "the", "5", "-5", "b.c", "u.s", "isn't", "é", "x"]), max_size=5))
def test_a_long_texts_vocabulary_read_from_its_chunk_index_knows_the_same_words(original, others):
    """A source of megabytes answers from the tokens its chunk index keeps (not a scan of the text per word)."""
    doc = Document.from_text(original, "generated.txt")
    long = Document.from_text(original, "generated.txt")
    long._vocabulary = Vocabulary(long.norm.text, lambda: ChunkIndex(long.norm.text, chunk=16))
    for word in sorted({w.text for w in doc.words}) + others + [w.text[1:] for w in doc.words]:
        assert (word in long.vocabulary) == (word in doc.vocabulary), word


def test_a_seed_compared_in_windows_is_never_tokenized_whole():
    doc = Document.read(SEEDS / "000_12e6b7cc27e0264f.txt", "000_12e6b7cc27e0264f.txt")
    middle = len(doc.norm.text) // 2
    window = doc.words_between(middle, middle + 80)
    assert 8 <= len(window) <= 20
    assert "telegram" in doc.vocabulary and "telegrams" not in doc.vocabulary
    assert doc._words is None  # the whole document's word list was never built
