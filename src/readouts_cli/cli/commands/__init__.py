"""One module per command: parse options, call the core, build an output value, render it."""
