"""The app's widgets, one module each."""

__all__: list[str] = []
