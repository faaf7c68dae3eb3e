-- The B-tree on land_use_code (V2) made PostgreSQL answer "land use X or Y in this box" by
-- AND-ing a scan of a third of all parcels with the spatial index: 25 ms where the spatial index
-- alone takes 2 ms (EXPLAIN ANALYZE on 1,000,000 parcels, see README › Benchmark). A dozen codes
-- over a million rows make a poor index; the spatial index plus a filter is the right plan.
DROP INDEX IF EXISTS land_parcel_land_use_idx;
