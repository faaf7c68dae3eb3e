-- What the texts name but do not place (issue 12): villages and their 屯, a school, the district's
-- ports, housing estates, a river. Loaded from gis-data/named_place.csv; deliberately without a
-- geometry column — a point would be invented. GET /named-places searches it.
CREATE TABLE named_place (
    id      text PRIMARY KEY,
    name_zh text NOT NULL,
    name_en text NOT NULL,
    kind    text NOT NULL CHECK (kind IN ('village', 'hamlet', 'school', 'port', 'housing_estate', 'river')),
    kind_zh text NOT NULL,
    part_of text NULL,                            -- the village a 屯 belongs to, where the text says so
    file    text NOT NULL REFERENCES source_document (file),
    line    int  NOT NULL CHECK (line >= 1),
    quote   text NOT NULL,
    title   text NOT NULL,                        -- of the document (or reprinted notice) the line is in
    date    text NOT NULL CHECK (date ~ '^\d{4}-\d{2}(-\d{2})?$'),
    note_zh text NULL
);
COMMENT ON TABLE named_place IS 'Named in the texts, position not given: findable, never drawn';
CREATE INDEX named_place_name_idx ON named_place (name_zh);
