"""noticeboard: check and render Chinese village public-disclosure posters."""

from noticeboard.run.build import render_item

__all__ = ["render_item"]
__version__ = "0.1.0"
