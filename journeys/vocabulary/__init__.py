"""For writers of journeys: the step vocabulary in English and Dutch, typed step
parameters, fact words, binding feature files to tests, the catalogue and the linter."""
