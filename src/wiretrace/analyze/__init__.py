"""Analysis: entities, attributions, anonymous sourcing, claim status and stance, on article records."""
