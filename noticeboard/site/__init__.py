"""The online board: a static site of every village's disclosures, current and past (issue 28).

Pages (pages.py, Jinja templates in templates/site/), each item's data (data.py),
the search index (search.py), the append-only log (log.py), the signed manifest
(manifest.py), the last privacy guard (guard.py), the villagers' questions
(feedback.py); build.py puts them together and verify.py checks a site.
"""
