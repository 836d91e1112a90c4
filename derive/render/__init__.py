"""Files: Markdown, LaTeX/PDF, notebooks, scripts, exercises and the docs site.

Public interface: :func:`derive.render.build.plan` / :func:`~derive.render.build.build`
(``derive build``), :mod:`derive.render.site` (``derive site``), :mod:`derive.render.exercises`,
:mod:`derive.render.environment` (the Jinja environments), :mod:`derive.render.markup` (escaping
per target). Templates display; they never compute math.
"""
