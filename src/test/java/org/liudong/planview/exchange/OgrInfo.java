package org.liudong.planview.exchange;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liudong.planview.exchange.gdal.GdalRunner;

/** Reads a file back with the real ogrinfo (GDAL 3.6 has no -json, so its summary text is parsed). */
final class OgrInfo {
    private static final GdalRunner gdal = new GdalRunner(Map.of(), Duration.ofSeconds(60));

    record Layer(String name, String geometry, long features, String srs, List<String> fields, double[] extent) {
        boolean srsIs(int epsg) {
            return srs.contains("ID[\"EPSG\"," + epsg + "]");
        }
    }

    static List<Layer> summary(Path file) {
        String out = gdal.run(file.getParent(), List.of("ogrinfo", "-ro", "-so", "-al", file.toString())).stdout();
        List<Layer> layers = new ArrayList<>();
        for (String block : out.split("(?m)^(?=Layer name: )")) {
            if (!block.startsWith("Layer name: ")) continue;
            String name = line(block, "Layer name: (.*)");
            String geom = line(block, "Geometry: (.*)");
            long count = Long.parseLong(line(block, "Feature Count: (\\d+)"));
            String srs = "";
            Matcher wkt = Pattern.compile("(?s)Layer SRS WKT:\\n(.*?)\\n(Data axis|FID Column|Geometry Column|\\w+: )").matcher(block);
            if (wkt.find()) srs = wkt.group(1);
            List<String> fields = new ArrayList<>();
            Matcher f = Pattern.compile("(?m)^(\\S[^:\\n]*): (String|Integer|Integer64|Real|Date|DateTime|Time|StringList|Binary)").matcher(block);
            while (f.find()) fields.add(f.group(1));
            double[] extent = null;
            Matcher e = Pattern.compile("Extent: \\(([-\\d.]+), ([-\\d.]+)\\) - \\(([-\\d.]+), ([-\\d.]+)\\)").matcher(block);
            if (e.find()) {
                extent = new double[] {Double.parseDouble(e.group(1)), Double.parseDouble(e.group(2)),
                        Double.parseDouble(e.group(3)), Double.parseDouble(e.group(4))};
            }
            layers.add(new Layer(name, geom, count, srs, fields, extent));
        }
        return layers;
    }

    /** Every feature, as ogrinfo prints it: good for finding a value. */
    static String features(Path file) {
        return gdal.run(file.getParent(), List.of("ogrinfo", "-ro", "-al", "-q", file.toString())).stdout();
    }

    /**
     * One attribute (a number or a plain word) of every feature of a file's first layer, in order:
     * ogr2ogr writes it as CSV beside the file, which is read back (ogrinfo's output is bounded).
     */
    static List<String> column(Path file, String field) throws java.io.IOException {
        String layer = summary(file).get(0).name();
        Path csv = file.resolveSibling(file.getFileName() + "." + field + ".csv");
        gdal.run(file.getParent(), List.of("ogr2ogr", "-f", "CSV", csv.toString(), file.toString(), layer, "-select", field,
                "-lco", "STRING_QUOTING=IF_NEEDED"));
        List<String> lines = java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.delete(csv);
        List<String> values = lines.stream().map(l -> l.split(",", -1)[0]).toList();
        if (values.isEmpty() || !values.get(0).equals(field)) throw new IllegalStateException("no column " + field + " in " + file + ": " + lines);
        return values.subList(1, values.size());
    }

    static Map<String, Layer> byName(List<Layer> layers) {
        Map<String, Layer> m = new LinkedHashMap<>();
        layers.forEach(l -> m.put(l.name(), l));
        return m;
    }

    private static String line(String block, String regex) {
        Matcher m = Pattern.compile("(?m)^" + regex + "$").matcher(block);
        return m.find() ? m.group(1).trim() : "";
    }
}
