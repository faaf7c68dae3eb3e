package org.liudong.planview.exchange.export;

/**
 * One attribute column of an export.
 *
 * @param name  the column's name in the query's rows (from the catalogue, never from the request)
 * @param title its human title (Chinese for the shipped layers), or null
 * @param json  a jsonb column: exported as its JSON text, since no file format has a JSON type
 */
public record ExportField(String name, String title, boolean json) {
}
