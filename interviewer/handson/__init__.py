"""Hands-on questions: calculations checked against real PyTorch, code run in a sandbox.

* computed questions (``kind: computed``): :mod:`.tasks` (parameters, formula,
  working, usual slips), :mod:`.torch_tasks` (the answer measured on real
  modules, in :mod:`.worker`), :mod:`.parse` (lenient answers), :mod:`.computed`;
* code exercises (``kind: code``): :mod:`.catalogue`, :mod:`.exercises` (the
  behaviour checks), :mod:`.sandbox` and :mod:`.sandbox_child`, :mod:`.code`;
* :mod:`.dispatch` presents both kinds to the dialog engine and grades by kind
  (into a :mod:`.check_result`), leaving the rubric grader untouched;
  :mod:`.grade_output` prints one graded answer for ``interviewer grade``;
* :mod:`.live_demos` and :mod:`.demo_links` are the "show me" demos.

Nothing here imports torch at module level: torch runs in the worker or the
sandbox, never in the interviewer's own process.
"""

__all__: list[str] = []
