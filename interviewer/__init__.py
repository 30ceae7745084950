"""interviewer: a deep-learning job-interview coach for the terminal.

The core (models, loader, text matching, grader, dialog engine, transcripts)
never imports textual or torch; the Textual app in :mod:`interviewer.ui` and the
command line in :mod:`interviewer.cli` are thin shells over it.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
