"""Benchmarks, each run as a script: ``python benchmarks/NAME.py``. Tests import inputs."""
