"""Dashboard page paths, in one place. They avoid every REST path so that one port can serve both."""

DASHBOARD = "/"
DEAD_LETTERS = "/dead-letters"
SIGN_IN = "/sign-in"
JOB_DETAIL_PREFIX = "/jobs/"
JOB_DETAIL = JOB_DETAIL_PREFIX + "[job_id]"

ALL = (DASHBOARD, DEAD_LETTERS, SIGN_IN, JOB_DETAIL)
