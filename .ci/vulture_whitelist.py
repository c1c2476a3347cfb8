"""Names vulture reports as unused that are used where it cannot see: by click, pytest, a parent class
or a library. Only such false positives belong here; dead code is deleted instead.

    vulture sykj_track tests benchmarks docs .ci/vulture_whitelist.py
"""
# ruff: noqa

init_command  # a click command: registered on the group by its decorator, called by click
private_cache  # an autouse pytest fixture: pytest calls it for every test
pytestmark  # read by pytest: marks every test of the module
_.handle_starttag  # HTMLParser calls these overrides as it parses
_.handle_endtag
_.handle_data
_.binary_location  # read by selenium when it starts Chromium
_.dont_write_bytecode  # sys.dont_write_bytecode: read by Python's import system
_.row_factory  # sqlite3 reads a connection's row_factory for every row
_.command_class  # click.Group reads it: the class of the commands @group.command() makes
