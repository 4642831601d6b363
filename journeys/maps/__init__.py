"""The maps and tasks journeys ships: the reference shop's (refshop.yaml and its tasks)."""
