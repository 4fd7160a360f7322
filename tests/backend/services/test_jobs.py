"""The job service's own rules, which the API and the dashboard both go through."""

from __future__ import annotations

import pytest

from queuecraft.backend.errors import ValidationFailed
from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import jobs


@pytest.mark.parametrize("name", ["", "   ", "x" * 201, "\u200b", "a\x00b", "tab\there", "a\ud800"])
def test_submit_refuses_bad_names_and_stores_nothing(env, user, name):
    """Whatever the caller (API or dashboard form), a bad name is refused before anything is stored."""
    res = get_resources()
    with pytest.raises(ValidationFailed):
        jobs.submit_job(store=res.store, conn=res.redis, settings=res.settings, owner_id=user["id"], name=name, trace_id="t")
    assert sum(res.store.count_by_status(owner_id=user["id"]).values()) == 0


def test_names_are_trimmed(env, user):
    """Surrounding whitespace is not part of the name."""
    res = get_resources()
    job = jobs.submit_job(store=res.store, conn=res.redis, settings=res.settings, owner_id=user["id"],
                          name="  nightly report \n", trace_id="t")
    assert job.name == "nightly report"
