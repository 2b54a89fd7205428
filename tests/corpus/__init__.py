"""Files built the way schools make them, for the tests and the benchmarks."""
