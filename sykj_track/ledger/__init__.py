"""The ledger on disk: finding it, reading it, checking it, writing it.

    datadir      which directory holds targets/ and seeds/ (the --data option, the bundled copy)
    textfile     bytes of a file to text: the encodings accepted at the door, one set of rules
    identity     whose ledger this is (targets/ledger.toml)
    load         the TOML files to a model.Ledger, every problem as a value with file:line
    validate     a loaded Ledger against its seeds: quotes verbatim, units, duplicates, links
    quotes       where a quote stands in its seed (squeeze: the one normalization of quote text)
    cache        parsed files kept by content hash, so a second run skips the TOML parser
    schema       JSON Schemas of the TOML files, made from the loader's own vocabularies
    init         a new, empty ledger for another body
    atomicwrite  every write: a temporary file, then one rename

Imports go down only: this package uses model, quantity and textsafe, never analysis/, render/,
extract/, api or cli. What a ledger means (goals judged, figures compared) is analysis/'s business.
"""
