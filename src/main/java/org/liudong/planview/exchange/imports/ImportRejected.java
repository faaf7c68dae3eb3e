package org.liudong.planview.exchange.imports;

import java.util.Map;
import org.liudong.planview.http.Problem;

/** A 400 whose problem document carries a report (e.g. which features are invalid and why). */
public final class ImportRejected extends Problem {
    private final Map<String, Object> report;

    public ImportRejected(String detail, Map<String, Object> report) {
        super(400, "Bad Request", detail);
        this.report = Map.copyOf(report);
    }

    public Map<String, Object> report() {
        return report;
    }
}
