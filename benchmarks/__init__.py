"""The performance harness: ``python -m benchmarks`` (``make bench``)."""
