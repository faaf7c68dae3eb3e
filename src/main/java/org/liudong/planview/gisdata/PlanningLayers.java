package org.liudong.planview.gisdata;

import static org.liudong.planview.gisdata.LayerSpec.bool;
import static org.liudong.planview.gisdata.LayerSpec.integer;
import static org.liudong.planview.gisdata.LayerSpec.jsonb;
import static org.liudong.planview.gisdata.LayerSpec.numeric;
import static org.liudong.planview.gisdata.LayerSpec.text;

import java.util.List;
import org.liudong.planview.gisdata.LayerSpec.Shape;

/** The shipped layers in load order: context first, then areas, then what refers to them. */
final class PlanningLayers {
    private PlanningLayers() {
    }

    static final List<LayerSpec> ALL = List.of(
            new LayerSpec("district", "district.geojson",
                    List.of(text("id"), text("name_zh"), text("name_en"), text("source"), text("geometry_quality")),
                    Shape.MULTI),
            new LayerSpec("river", "river.geojson",
                    List.of(text("id"), text("name_zh"), text("name_en"), text("geometry_quality"), jsonb("sources")),
                    Shape.MULTI),
            new LayerSpec("road", "road.geojson",
                    List.of(text("id"), text("name_zh"), text("name_en"), text("road_class"), numeric("half_width_m"),
                            text("geometry_quality"), jsonb("sources")),
                    Shape.MULTI),
            new LayerSpec("locality", "locality.geojson",
                    List.of(text("id"), text("name_zh"), text("name_en"), text("geometry_quality"), jsonb("sources")),
                    Shape.MULTI),
            // zones before parks and clusters: parent_zone refers to them (the file is in that order)
            new LayerSpec("planning_area", "planning_area.geojson",
                    List.of(text("id"), text("kind"), text("name_zh"), text("name_en"), text("description"),
                            text("geometry_quality"), text("parent_zone"), jsonb("sources")),
                    Shape.MULTI),
            new LayerSpec("spatial_structure", "spatial_structure.geojson",
                    List.of(text("id"), text("element"), text("name_zh"), text("name_en"), text("description"),
                            text("geometry_quality"), jsonb("sources")),
                    Shape.AS_IS),
            new LayerSpec("project", "project.geojson",
                    List.of(text("id"), text("name_zh"), text("name_en"), text("category"), text("category_en"),
                            text("status"), text("status_en"), integer("status_year"), text("status_date"), jsonb("status_history"),
                            numeric("investment_yi"), numeric("capacity_gwh"), numeric("land_mu"), jsonb("figures"),
                            text("area_id"), bool("area_inferred"), text("locality"), text("location_quality"), text("placement"),
                            jsonb("placement_ref"),
                            text("location_note"), text("remarks"), text("scope"), jsonb("aliases"), jsonb("sources")),
                    Shape.AS_IS));
}
