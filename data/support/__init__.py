"""The support team's storage, one concern a module: accounts, settings, the audit log,
review actions, the draft plan and its export."""
