"""Settings: validated once, unsafe defaults refused in production."""

from __future__ import annotations

import pytest

from queuecraft.backend.config import ConfigError, load_settings


def test_production_refuses_missing_or_weak_secret(monkeypatch):
    """QUEUECRAFT_ENV=production without a strong SECRET_KEY is a start-up error naming the variable."""
    monkeypatch.setenv("QUEUECRAFT_ENV", "production")
    for secret in ("", "changeme", "short-secret"):
        monkeypatch.setenv("SECRET_KEY", secret)
        with pytest.raises(ConfigError, match="SECRET_KEY"):
            load_settings()
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    assert load_settings().jwt_secret() == "x" * 40


def test_development_keeps_a_generated_secret_in_the_data_dir(monkeypatch, tmp_path):
    """Without SECRET_KEY, development generates one secret and reuses it across restarts."""
    monkeypatch.setenv("QUEUECRAFT_ENV", "development")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("QUEUECRAFT_DATA_DIR", str(tmp_path))
    first = load_settings().jwt_secret()
    assert len(first) >= 32
    assert load_settings().jwt_secret() == first
    assert (tmp_path / "dev_secret_key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("value", ["a,b", "", "-1,2"])
def test_bad_retry_intervals_name_the_variable(monkeypatch, value):
    """A malformed QUEUECRAFT_RETRY_INTERVALS fails with a message naming it."""
    monkeypatch.setenv("QUEUECRAFT_RETRY_INTERVALS", value)
    with pytest.raises(ConfigError, match="QUEUECRAFT_RETRY_INTERVALS"):
        load_settings()


def test_retry_intervals_parse(monkeypatch):
    """QUEUECRAFT_RETRY_INTERVALS=1,2,4 gives the list RQ's Retry takes."""
    monkeypatch.setenv("QUEUECRAFT_RETRY_INTERVALS", "1, 2,4")
    assert load_settings().retry_intervals == [1, 2, 4]
