package org.liudong.planview.exchange.imports;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Why PostgreSQL refused an upload's rows for a layer, in the planner's terms: the column and
 * the value at fault where PostgreSQL names them, never its own sentence (which names tables and
 * constraints of the server's schema).
 */
final class DataRefusal {
    /** PostgreSQL's detail of a key violation: {@code Key (land_use_code)=(9999) is not present in table …}. */
    private static final Pattern KEY = Pattern.compile("Key \\((.+?)\\)=\\((.*)\\)");

    private DataRefusal() {
    }

    /** Whether a failed write is the upload's fault (a data exception, a constraint, a geometry PostGIS refuses). */
    static boolean isDataProblem(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("22") || state.startsWith("23") || state.equals("XX000");
    }

    /** What was wrong; {@code derived} are the columns the server worked out from the upload's other columns. */
    static String explain(SQLException e, List<String> derived) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String column = m == null ? null : m.getColumn();
        Matcher key = KEY.matcher(m == null || m.getDetail() == null ? "" : m.getDetail());
        boolean named = key.find();
        return switch (e.getSQLState()) {
            case "23502" -> column == null ? "a column that needs a value in every feature is empty in some feature"
                    : derived.contains(column)
                    ? "column " + column + ", which the server works out from the upload's other columns, came out empty for some "
                            + "feature: a value it is worked out from is missing or not a known one"
                    : "column " + column + " needs a value in every feature, and some feature has none";
            case "23503" -> named ? key.group(1) + " '" + key.group(2) + "' is not one of the values the layer allows"
                    : "a value is not one of those the layer allows";
            case "23505" -> named ? key.group(1) + " '" + key.group(2) + "' occurs more than once; it must be unique"
                    : "a value that must be unique occurs more than once";
            case "23514" -> "some feature has a value outside what the layer allows" + (column == null ? "" : " in column " + column);
            case "22001" -> "a text is longer than the layer's column allows";
            case "22003" -> "a number is larger than the layer's column allows";
            case "22P02", "22007", "22008" -> "a value is not of the type of the layer's column (e.g. text where a number belongs)";
            case "XX000" -> "a geometry cannot be stored in the layer (a type or coordinates the layer does not take)";
            default -> "a value does not fit the layer's columns";
        };
    }
}
