"""sykj-track: hold a government body to its own numbers (the bundled ledger: the Shenyang Science and Technology Bureau).

The pipeline, one module per stage:

    datadir.find_data_dir -> load.load -> validate.validate -> reconcile.reconcile -> render.*

Use it from Python as:

    from datetime import date
    from sykj_track import api
    ledger, problems = api.load_ledger()          # bundled data, or a directory you pass
    result = api.reconcile(ledger, date(2025, 12, 31))
"""

__version__ = "0.1.0"
