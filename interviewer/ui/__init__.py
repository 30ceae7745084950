"""The Textual app: a thin shell over the core. Only this package imports textual."""

__all__: list[str] = []
