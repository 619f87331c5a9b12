"""Serving: the gRPC servicers (translation only), server assembly, CLI and launcher.

Stands on extraction and claims; nothing below imports it.
"""
