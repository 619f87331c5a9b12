"""zitat: who said what in German news."""

__version__ = "0.6.1"
