#!/bin/bash
# Where a parcel tile's time goes (docs/benchmark.md): each variant of the tile SQL on the same five
# z14 tiles, three EXPLAIN ANALYZE runs each in one warm session; prints median and minimum.
# Usage: DATABASE_URL=postgresql://…/planview_bench bench/tile-time-split.sh [variant-prefix]
# median Execution Time over tiles × runs for each variant
B="${DATABASE_URL:?set DATABASE_URL to the benchmark database (planview_bench)}"
TILES="13178/7046 13177/7046 13178/7047 13176/7045 13179/7048"
Z=14
unit=$(python3 -c "print(40075016.685578488/2**$Z/4096)")
props="t.id, t.id AS _fid, t.parcel_code, t.land_use_code, t.land_use_name, t.status, t.area_ha, t.area_mu, t.zone_id, t.area_id, t.synthetic"
declare -A V
V[a_scan_count]="SELECT count(*) FROM land_parcel t, b WHERE t.geom_3857 && b.q"
V[b_read_geom]="SELECT sum(ST_NPoints(t.geom_3857)) FROM land_parcel t, b WHERE t.geom_3857 && b.q"
V[c_transform_4490]="SELECT sum(ST_NPoints(ST_Transform(t.geom,3857))) FROM land_parcel t, b WHERE t.geom_3857 && b.q"
V[d_simplify]="SELECT sum(ST_NPoints(ST_Simplify(t.geom_3857, $unit))) FROM land_parcel t, b WHERE t.geom_3857 && b.q"
V[e_mvtgeom_full]="SELECT count(*) FROM (SELECT ST_AsMVTGeom(ST_Simplify(t.geom_3857, $unit), b.env, 4096, 64, true) g FROM land_parcel t, b WHERE t.geom_3857 && b.q OFFSET 0) m WHERE g IS NOT NULL"
V[f_mvtgeom_noclip]="SELECT count(*) FROM (SELECT ST_AsMVTGeom(ST_Simplify(t.geom_3857, $unit), b.env, 4096, 64, false) g FROM land_parcel t, b WHERE t.geom_3857 && b.q OFFSET 0) m WHERE g IS NOT NULL"
V[g_mvtgeom_nosimplify]="SELECT count(*) FROM (SELECT ST_AsMVTGeom(t.geom_3857, b.env, 4096, 64, true) g FROM land_parcel t, b WHERE t.geom_3857 && b.q OFFSET 0) m WHERE g IS NOT NULL"
V[h_affine_snap_only]="SELECT count(*) FROM (SELECT ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(t.geom_3857, 4096/(ST_XMax(b.env)-ST_XMin(b.env)), 0, 0, -4096/(ST_YMax(b.env)-ST_YMin(b.env)), -ST_XMin(b.env)*4096/(ST_XMax(b.env)-ST_XMin(b.env)), ST_YMax(b.env)*4096/(ST_YMax(b.env)-ST_YMin(b.env))), 1)) g FROM land_parcel t, b WHERE t.geom_3857 && b.q OFFSET 0) m WHERE g IS NOT NULL"
V[i_full_tile]="SELECT length(ST_AsMVT(m.*, 'land-parcels', 4096, 'geom', '_fid')) FROM (SELECT ST_AsMVTGeom(ST_Simplify(t.geom_3857, $unit), b.env, 4096, 64, true) AS geom, $props FROM land_parcel t, b WHERE t.geom_3857 && b.q OFFSET 0) m WHERE m.geom IS NOT NULL"
V[j_encode_only_presnapped]="SELECT length(ST_AsMVT(m.*, 'land-parcels', 4096, 'geom', '_fid')) FROM (SELECT ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(t.geom_3857, 4096/(ST_XMax(b.env)-ST_XMin(b.env)), 0, 0, -4096/(ST_YMax(b.env)-ST_YMin(b.env)), -ST_XMin(b.env)*4096/(ST_XMax(b.env)-ST_XMin(b.env)), ST_YMax(b.env)*4096/(ST_YMax(b.env)-ST_YMin(b.env))), 1)) AS geom, $props FROM land_parcel t, b WHERE t.geom_3857 && b.q OFFSET 0) m WHERE m.geom IS NOT NULL"
V[k_full_tile_buffer8]="SELECT length(ST_AsMVT(m.*, 'land-parcels', 4096, 'geom', '_fid')) FROM (SELECT ST_AsMVTGeom(ST_Simplify(t.geom_3857, $unit), b.env, 4096, 8, true) AS geom, $props FROM land_parcel t, b8 b WHERE t.geom_3857 && b.q OFFSET 0) m WHERE m.geom IS NOT NULL"
V[l_props_only]="SELECT length(ST_AsMVT(m.*, 'land-parcels', 4096, 'geom', '_fid')) FROM (SELECT ST_MakePoint(1,1) AS geom, $props FROM land_parcel t, b WHERE t.geom_3857 && b.q OFFSET 0) m"
for name in $(echo "${!V[@]}" | tr ' ' '\n' | sort); do
  if [ -n "${1:-}" ] && [[ "$name" != $1* ]]; then continue; fi
  times=()
  q_sql=$(mktemp); : > "$q_sql"; for t in $TILES; do x=${t%/*}; y=${t#*/}
    q="WITH b AS (SELECT ST_TileEnvelope($Z,$x,$y) env, ST_TileEnvelope($Z,$x,$y, margin=>64.0/4096) q), b8 AS (SELECT ST_TileEnvelope($Z,$x,$y) env, ST_TileEnvelope($Z,$x,$y, margin=>8.0/4096) q) ${V[$name]}"
    echo "$q;" >> "$q_sql"
    for r in 1 2 3; do echo "EXPLAIN (ANALYZE, TIMING OFF) $q;" >> "$q_sql"; done
  done
  times=($(psql "$B" -qAt -c "SET max_parallel_workers_per_gather=0" -f "$q_sql" | sed -n 's/Execution Time: \([0-9.]*\) ms/\1/p'))
  med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  min=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  echo "$name median ${med} ms min ${min} ms"
done
