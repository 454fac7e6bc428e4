"""The public dashboard and, later, the support team's pages."""
