"""checker.collector: the cycle collector's thresholds raised while the checker works, never lowered, and restored
after, even when the block raises (the pytest plugin runs inside a process whose settings are its user's)."""
import gc

import pytest

from checker.collector import THRESHOLDS, fewer_collections


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_thresholds_are_raised_inside_and_restored_after(thresholds):
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_setting_is_kept_and_a_raise_inside_still_restores(thresholds):
    gc.set_threshold(500_000, 5, 100)
    with pytest.raises(RuntimeError):
        with fewer_collections():
            assert gc.get_threshold() == (500_000, THRESHOLDS[1], 100)
            raise RuntimeError
    assert gc.get_threshold() == (500_000, 5, 100)


def test_collection_turned_off_by_a_first_threshold_of_zero_stays_off(thresholds):
    gc.set_threshold(0, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == (0, 10, 10)
    assert gc.get_threshold() == (0, 10, 10)
