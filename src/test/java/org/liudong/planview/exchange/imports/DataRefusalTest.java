package org.liudong.planview.exchange.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL's refusals of an upload's rows, told with the column and value, without its table and constraint names. */
class DataRefusalTest {
    private static PSQLException refusal(String state, String message, String detail, String column) {
        String fields = "SERROR\0C" + state + "\0M" + message + "\0" + (detail == null ? "" : "D" + detail + "\0")
                + (column == null ? "" : "c" + column + "\0") + "ttarget_table\0nsome_constraint\0";
        return new PSQLException(new ServerErrorMessage(fields));
    }

    @Test
    void keysAndColumnsAreNamedTablesAndConstraintsAreNot() {
        String fk = DataRefusal.explain(refusal("23503", "insert or update on table \"land_parcel\" violates foreign key constraint \"fk\"",
                "Key (land_use_code)=(9999) is not present in table \"land_use_class\".", null), List.of());
        assertEquals("land_use_code '9999' is not one of the values the layer allows", fk);
        String unique = DataRefusal.explain(refusal("23505", "duplicate key value violates unique constraint \"pk\"",
                "Key (id)=(7) already exists.", null), List.of());
        assertEquals("id '7' occurs more than once; it must be unique", unique);
        String derived = DataRefusal.explain(refusal("23502", "null value in column \"land_use_name\" violates not-null constraint",
                null, "land_use_name"), List.of("land_use_name"));
        assertFalse(derived.contains("target_table") || derived.contains("constraint"), derived);
        assertEquals("column code needs a value in every feature, and some feature has none",
                DataRefusal.explain(refusal("23502", "null value", null, "code"), List.of()));
    }
}
