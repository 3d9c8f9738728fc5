"""The complaints register: deadlines, overdue in red, responses and escalation."""
