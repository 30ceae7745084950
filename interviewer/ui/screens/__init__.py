"""The app's screens, one module each."""

__all__: list[str] = []
