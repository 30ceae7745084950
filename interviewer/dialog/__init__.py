"""The dialog engine: the interview as an explicit state machine."""

__all__: list[str] = []
