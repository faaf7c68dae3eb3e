package org.liudong.planview.exchange.export;

import java.util.ArrayList;
import java.util.List;
import org.liudong.planview.catalog.CollectionInfo;
import org.liudong.planview.catalog.PropertyInfo;
import org.liudong.planview.catalog.PropertyType;
import org.liudong.planview.query.ItemsRequest;
import org.liudong.planview.query.ItemsSql;
import org.liudong.planview.styles.LayerStyle;

/** An export is the items query: the same SQL that /items pages through, all of it. */
final class ItemsExportSource {
    private ItemsExportSource() {
    }

    static ExportSource of(CollectionInfo c, ItemsRequest r, LayerStyle style) {
        List<ExportField> fields = new ArrayList<>();
        fields.add(field(c.idProperty()));
        for (PropertyInfo p : r.selectedProperties(c)) fields.add(field(p));
        return new ExportSource(c.id(), c.texts().titleZh(), ItemsSql.selectAll(c, r), ItemsSql.count(c, r.selection()), fields,
                c.geometryColumn(), r.crs(), style);
    }

    private static ExportField field(PropertyInfo p) {
        return new ExportField(p.name(), FieldTitles.of(p.name()), p.type() == PropertyType.JSON);
    }
}
