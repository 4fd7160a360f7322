"""The dashboard in a real browser: sign in, watch a job change live, see the DLQ."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from queuecraft import routes

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _sign_in(page: Page, product, account) -> None:
    page.goto(product.ui + routes.DASHBOARD)
    expect(page).to_have_url(re.compile(re.escape(routes.SIGN_IN)), timeout=30_000)
    page.get_by_placeholder("Email or username").fill(account["email"])
    page.get_by_placeholder("Password").fill(account["password"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Jobs")).to_be_visible(timeout=30_000)


def test_job_turns_completed_live_without_reload(page: Page, product, account):
    """A job submitted over the API appears and goes running -> completed on an open page, no reload."""
    _sign_in(page, product, account)
    page.evaluate("window.__sameDocument = true")
    job = account["api"].post("/job/create", json={"name": "live report"}).json()["job"]
    row = page.locator(f'tr[data-job-id="{job["id"]}"]')
    expect(row).to_be_visible(timeout=15_000)
    expect(row.locator('[data-status="running"]')).to_be_visible(timeout=15_000)
    expect(row.locator('[data-status="completed"]')).to_be_visible(timeout=15_000)
    expect(page.locator('[data-stat="completed"]')).to_have_text("1")
    assert page.evaluate("window.__sameDocument") is True  # the page was never reloaded


def test_dead_letter_page_lists_the_failed_job(page: Page, product, account):
    """A job named *fail* shows up on the DLQ page, live, with its attempts and last error."""
    _sign_in(page, product, account)
    page.get_by_role("link", name="Dead letters").click()
    expect(page.get_by_role("heading", name="Dead-letter queue")).to_be_visible(timeout=15_000)
    job = account["api"].post("/job/create", json={"name": "report that will fail"}).json()["job"]
    row = page.locator(f'tr[data-job-id="{job["id"]}"]')
    expect(row).to_be_visible(timeout=60_000)
    expect(row).to_contain_text("4/4")
    expect(row).to_contain_text("contains 'fail'")
    row.get_by_role("link", name="report that will fail").click()
    expect(page).to_have_url(re.compile(f"/jobs/{job['id']}$"))
    expect(page.locator("tr[data-attempt]")).to_have_count(4)
    expect(page.locator('tr[data-attempt="4"]')).to_contain_text("contains 'fail'")
    expect(page.get_by_text("Queue (RQ) says")).to_be_visible()


def test_job_page_of_another_user_says_not_found(page: Page, product, account):
    """A job id that is not the user's shows a not-found message, never the job."""
    _sign_in(page, product, account)
    page.goto(product.ui + "/jobs/0123456789abcdef0123456789abcdef")
    expect(page.get_by_text("No such job among yours.")).to_be_visible(timeout=15_000)


def test_dashboard_form_submits_a_job(page: Page, product, account):
    """The dashboard's own form creates a job that then completes."""
    _sign_in(page, product, account)
    page.get_by_placeholder(re.compile("Job name")).fill("from the form")
    page.get_by_role("button", name="Submit job").click()
    row = page.locator("tr", has_text="from the form")
    expect(row.locator('[data-status="completed"]')).to_be_visible(timeout=30_000)
