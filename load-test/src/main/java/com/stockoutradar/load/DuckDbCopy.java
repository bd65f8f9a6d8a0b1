package com.stockoutradar.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The peers' DuckDB: an in-memory database holding a copy of PostgreSQL's rows, so that it answers the same question
 * on the same rows as the grid. The copy's time is printed apart: the peers' rounds do not count it.
 */
final class DuckDbCopy {
    /** A table to copy: its name, the same in both, and its columns as DuckDB declares them (the name first). */
    record Table(String name, String... columns) {
    }

    private DuckDbCopy() {
    }

    /** An open DuckDB connection holding the tables' rows; the caller closes it. */
    static Connection of(String postgresJdbc, Table... tables) throws Exception {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        long started = System.nanoTime();
        try (Connection postgres = DriverManager.getConnection(postgresJdbc)) {
            for (Table table : tables) {
                copy(postgres, duck, table);
            }
        } catch (Exception | Error failed) {
            duck.close();
            throw failed;
        }
        System.out.printf("  DuckDB: copied the rows in %,d ms (not counted below)%n",
                (System.nanoTime() - started) / 1_000_000);
        return duck;
    }

    private static void copy(Connection postgres, Connection duck, Table table) throws Exception {
        try (Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE " + table.name() + " (" + String.join(", ", table.columns()) + ")");
        }
        String names = Arrays.stream(table.columns()).map(column -> column.split(" ")[0])
                .collect(Collectors.joining(", "));
        postgres.setAutoCommit(false); // a cursor: pgjdbc fetches in batches only inside a transaction
        try (Statement source = postgres.createStatement()) {
            source.setFetchSize(50_000);
            try (ResultSet rows = source.executeQuery("SELECT " + names + " FROM " + table.name());
                 DuckDBAppender appender = ((DuckDBConnection) duck).createAppender(
                         DuckDBConnection.DEFAULT_SCHEMA, table.name())) {
                while (rows.next()) {
                    appender.beginRow();
                    for (int column = 1; column <= table.columns().length; column++) {
                        Object value = rows.getObject(column);
                        if (value == null) {
                            appender.appendNull();
                        } else if (value instanceof String text) {
                            appender.append(text);
                        } else {
                            appender.append(((Number) value).longValue());
                        }
                    }
                    appender.endRow();
                }
            }
        } finally {
            postgres.commit();
            postgres.setAutoCommit(true);
        }
    }
}
