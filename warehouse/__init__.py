"""The DuckDB warehouse: migrations, connections and the loading API (`warehouse.load`).

The only code that talks SQL. Takes the records of `contract` and the parser's `Consultation`.

May import: contract, parsers.
"""
