package org.liudong.planview.filter;

/** The value type of a queryable property, as CQL2 sees it (not the SQL type behind it). */
public enum FieldType {
    STRING("a string"),
    NUMBER("a number"),
    INTEGER("an integer"),
    BOOLEAN("a boolean"),
    DATE("a date"),
    TIMESTAMP("a timestamp"),
    GEOMETRY("a geometry");

    private final String description;

    FieldType(String description) {
        this.description = description;
    }

    /** "a number", "a string" …: for messages that a planner reads. */
    public String description() {
        return description;
    }

    boolean isNumeric() {
        return this == NUMBER || this == INTEGER;
    }

    boolean isTemporal() {
        return this == DATE || this == TIMESTAMP;
    }

    /** Whether a value of this type may be compared with one of {@code other} (=, <, BETWEEN, IN …). */
    boolean comparableWith(FieldType other) {
        if (this == other) return true;
        if (isNumeric() && other.isNumeric()) return true;
        return isTemporal() && other.isTemporal();
    }
}
