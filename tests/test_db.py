"""warehouse/db.py's helpers against DuckDB 2's stricter connection and transaction rules."""

from __future__ import annotations

import duckdb

from warehouse.db import register


def test_register_after_a_result_read_with_fetchone():
    """DuckDB 2 refuses `register` while a result read with fetchone() is unfinished; the helper finishes it."""
    import pyarrow as pa

    con = duckdb.connect()
    con.execute("SELECT * FROM range(10)").fetchone()
    register(con, "t", pa.table({"a": [1, 2]}))
    assert con.execute("SELECT sum(a) FROM t").fetchall() == [(3,)]


def test_an_error_after_the_transaction_ended_is_the_one_reported():
    """When COMMIT itself fails the transaction is already over: the ROLLBACK that follows must not replace the
    error with "no transaction is active"."""
    import pytest

    from warehouse.db import transaction

    con = duckdb.connect()
    with pytest.raises(ValueError, match="the original error"), transaction(con):
        con.execute("COMMIT")  # the transaction ends here, as a failed COMMIT ends it
        raise ValueError("the original error")
