"""sykj-track: hold a government body to its own numbers (the bundled ledger: the Shenyang Science and Technology Bureau).

The pipeline, one package per layer, imports going down only:

    ledger/    datadir.find_data_dir -> load.load -> validate.validate   (files to a checked Ledger)
    analysis/  reconcile.reconcile, audit, diff, series, changes          (pure functions of a Ledger)
    render/    tables, JSON, CSV, the HTML page, the SQLite export       (knows nothing of judging)
    extract/   a new report's text to draft ledger entries
    api.py     the plain Python API over all of them; cli.py wires options to api and render

At the top, beside api and cli, sit the modules every layer shares: model (the frozen dataclasses
passed between stages), vocabulary (the fixed sets of values: status, reason, op, bound, basis ...,
as Literal types and tuples), quantity (numbers and units as written in Chinese), i18n (the one catalogue
of labels, both languages) and textsafe (making data inert in a terminal, CSV, HTML or a CI log).
They import nothing above them, so any layer may use them.

Use it from Python as:

    from datetime import date
    from sykj_track import api
    ledger, problems = api.load_ledger()          # bundled data, or a directory you pass
    result = api.reconcile(ledger, date(2025, 12, 31))
"""

__version__ = "0.1.0"
