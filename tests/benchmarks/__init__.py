"""Benchmarks for gdstudio (not tests: they print figures).

    python -m tests.benchmarks [--only startup,run,responsiveness,engine] [--repeats N] [--quick]

Each figure is a median over repeated runs, next to a baseline measured in the same run (the
machine is shared and noisy, so compare ratios within one run). See README.md for the targets
and the recorded figures. Module names carry no ``test_`` prefix, so pytest never collects them.
"""
