"""What the ledger says, worked out: pure functions of a model.Ledger and an as-of date.

    intervals  the one owner of rounding and bounds: the interval a written number stands for
    reconcile  each goal judged hit / miss / pending from the figures, with its evidence
    audit      findings across reports: growth that does not match its levels, conflicting figures
    parts      a part reported larger than its total (the registry's part_of)
    diff       two years side by side
    series     a metric's figures and goals by year, for `show` and the report page
    changes    what moved between two dates of publication
    coverage   per report: the goals and figures it gives, and how the goals it states stand

Nothing here reads files (ledger/ does), prints or formats for a reader (render/ does), or knows of
the command line. It may use ledger.quotes for the normalization of quoted text.
"""
