"""RQ glue: the retry policy handed to RQ."""

from __future__ import annotations

from queuecraft.backend.config import Settings
from queuecraft.backend.queue import retry_intervals, retry_policy


def test_short_interval_list_repeats_its_last_value():
    """QUEUECRAFT_RETRY_INTERVALS=5 with 3 retries waits 5, 5, 5; 1,2 waits 1, 2, 2."""
    assert retry_intervals(Settings(max_retries=3, retry_intervals=[5])) == [5, 5, 5]
    assert retry_intervals(Settings(max_retries=3, retry_intervals=[1, 2])) == [1, 2, 2]
    assert retry_intervals(Settings(max_retries=2, retry_intervals=[1, 2, 4])) == [1, 2]


def test_zero_retries_means_no_retry_policy():
    """QUEUECRAFT_MAX_RETRIES=0 runs a job once."""
    assert retry_policy(Settings(max_retries=0)) is None
    policy = retry_policy(Settings(max_retries=3, retry_intervals=[1, 2, 4]))
    assert policy.max == 3 and policy.intervals == [1, 2, 4]
