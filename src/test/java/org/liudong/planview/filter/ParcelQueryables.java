package org.liudong.planview.filter;

import java.util.List;

/** Queryables shaped like the land_parcel layer's, for the filter tests. */
final class ParcelQueryables {
    static final List<QueryableField> FIELDS = List.of(
            QueryableField.of("id", FieldType.INTEGER),
            QueryableField.of("parcel_code", FieldType.STRING),
            QueryableField.of("land_use_code", FieldType.STRING),
            QueryableField.of("land_use_name", FieldType.STRING),
            QueryableField.of("status", FieldType.STRING),
            QueryableField.of("name_en", FieldType.STRING),
            QueryableField.of("area_m2", FieldType.NUMBER),
            QueryableField.of("area_ha", FieldType.NUMBER),
            QueryableField.of("area_mu", FieldType.NUMBER),
            QueryableField.of("plot_ratio", FieldType.NUMBER),
            QueryableField.of("synthetic", FieldType.BOOLEAN),
            QueryableField.of("approved", FieldType.DATE),
            QueryableField.of("updated", FieldType.TIMESTAMP),
            // a property whose name differs from its column, as the catalogue may map them
            new QueryableField("geometry", "\"geom\"", FieldType.GEOMETRY));

    private ParcelQueryables() {
    }
}
