"""Business rules: users, auth, jobs. Each function takes its connections as arguments."""
