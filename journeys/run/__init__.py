"""One run of journeys: its settings, its folder, its shards, and how it stops cleanly."""
