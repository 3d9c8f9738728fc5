"""The People & Officials tab: people with their names in every script, and their postings."""
