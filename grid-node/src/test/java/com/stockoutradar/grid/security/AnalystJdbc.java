package com.stockoutradar.grid.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.stockoutradar.grid.support.TestNode;

/** Thin JDBC to a test node, as the analyst of {@code grid-node-it.properties}. */
final class AnalystJdbc {
    static final String USER = "analyst";
    static final String PASSWORD = "analyst-secret";

    private AnalystJdbc() {
    }

    static String url(TestNode node) {
        return "jdbc:ignite:thin://127.0.0.1:" + node.clientConnectorPort();
    }

    static Connection signIn(TestNode node) throws SQLException {
        return DriverManager.getConnection(url(node), USER, PASSWORD);
    }

    /** Signed in with the query engine chosen on the URL ({@code h2}, the node's default, or {@code calcite}). */
    static Connection signIn(TestNode node, String engine) throws SQLException {
        return DriverManager.getConnection(url(node) + "?queryEngine=" + engine, USER, PASSWORD);
    }

    static List<List<Object>> rows(Connection jdbc, String sql) throws SQLException {
        try (Statement statement = jdbc.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    row.add(rs.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
