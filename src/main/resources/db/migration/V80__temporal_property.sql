-- A collection's time, for the datetime parameter of OGC API – Features Part 1: the catalogue names
-- the column that holds it. An integer column is a year (the whole calendar year), a date column a
-- day, a timestamp an instant; NULL = the collection has no time, and datetime selects nothing out.
ALTER TABLE collection ADD COLUMN temporal_property text;
COMMENT ON COLUMN collection.temporal_property IS
    'column that is a feature''s time for datetime: a year (integer), date or timestamp; NULL = none';

-- A project's time is the year of the latest status the source texts report for it (status_year):
-- its row (status, status_en) describes the project as of that year. The texts give no start or
-- end dates of construction, so the project is not claimed to exist over any longer span.
UPDATE collection SET temporal_property = 'status_year', updated_at = now() WHERE id = 'projects';

-- …and planners can filter and sort by it.
UPDATE collection SET queryables = array_append(queryables, 'status_year'), updated_at = now()
WHERE id = 'projects' AND queryables IS NOT NULL AND NOT 'status_year' = ANY (queryables);
