"""Helpers shared by the test suite and the benchmarks, kept free of fixtures."""
