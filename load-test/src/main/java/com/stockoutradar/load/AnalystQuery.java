package com.stockoutradar.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One worked query of {@code docs/analysts.md} (a fenced block {@code ```sql} whose first line is {@code -- name}), read
 * from the document when a bench runs, so that benches run the queries as the document has them now. Its text keeps
 * the parameters {@code :now} (the moment the query is about) and {@code :pid} (a product), bound when prepared.
 */
public record AnalystQuery(String name, String text) {
    private static final Pattern QUERY = Pattern.compile("```sql\\n-- ([a-z0-9+-]+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile(":(now|pid)\\b");

    /** Every query of the document, in its order. */
    public static List<AnalystQuery> readAll(Path document) throws IOException {
        List<AnalystQuery> queries = new ArrayList<>();
        Matcher block = QUERY.matcher(Files.readString(document));
        while (block.find()) {
            queries.add(new AnalystQuery(block.group(1), block.group(2).trim()));
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(document + " holds no query (```sql blocks starting with -- name)");
        }
        return queries;
    }

    /** The query ready to run as of {@code now} (unix seconds) about product {@code pid}, as an analyst's tool binds them. */
    public PreparedStatement prepare(Connection jdbc, long now, long pid) throws SQLException {
        PreparedStatement statement = jdbc.prepareStatement(PARAMETER.matcher(text).replaceAll("?"));
        try {
            Matcher parameter = PARAMETER.matcher(text);
            for (int i = 1; parameter.find(); i++) {
                statement.setLong(i, parameter.group(1).equals("now") ? now : pid);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
