"""zitat: who said what in German news."""

__version__ = "0.7.0"
