"""Developer tools that are not part of the shipped ``botb`` package: the benchmark and the
static server that the benchmark and the browser tests share. Run from the project root."""
