"""readouts: diplomatic meeting readouts kept as TOML records, answered from the terminal."""

__version__ = "0.1.0"
