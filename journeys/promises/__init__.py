"""Promises across nights: the ``journeys promises`` command and the run that verifies stored promises.

``digest`` writes what a run did with promises into its run folder
(``promises.json``: stored, checked, still outstanding) for its summary;
``verify`` checks the due ones against each one's own system, as of a
given moment; ``junit`` writes one test case per promise; ``command`` is the
command line.
"""
