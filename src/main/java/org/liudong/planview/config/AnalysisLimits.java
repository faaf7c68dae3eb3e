package org.liudong.planview.config;

import java.util.Map;

/**
 * The bounds of the planning analysis: how many groups one statistics answer may hold, how many
 * vertices a site boundary (or a statistics polygon) may have, and how far around a site the
 * red-line report looks for projects. Each keeps one request from tying up PostGIS.
 *
 * @param maxGroups          groups in one statistics answer (PLANVIEW_STATISTICS_MAX_GROUPS)
 * @param maxVertices        vertices of a site or statistics polygon (PLANVIEW_ANALYSIS_MAX_VERTICES)
 * @param maxProjectDistanceM the largest "projects within" distance a report may ask for (PLANVIEW_REDLINE_MAX_DISTANCE_M)
 */
public record AnalysisLimits(int maxGroups, int maxVertices, int maxProjectDistanceM) {

    public static AnalysisLimits defaults() {
        return from(new SettingSource(Map.of()));
    }

    static AnalysisLimits from(SettingSource s) {
        return new AnalysisLimits(
                s.integer("PLANVIEW_STATISTICS_MAX_GROUPS", 1000, 1, 1_000_000),
                s.integer("PLANVIEW_ANALYSIS_MAX_VERTICES", 20_000, 4, 10_000_000),
                s.integer("PLANVIEW_REDLINE_MAX_DISTANCE_M", 5000, 1, 100_000));
    }
}
