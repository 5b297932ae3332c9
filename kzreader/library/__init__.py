"""The plain-data facade the views call, and what both views share (paths, exports, history, inert text)."""
from kzreader.library.facade import Library, TimelineFilter

__all__ = ["Library", "TimelineFilter"]
