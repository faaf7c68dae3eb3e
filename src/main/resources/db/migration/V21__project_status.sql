-- Project statuses as the texts state them (issue 12): the vocabulary, from
-- gis-data/project_status.csv, says of each status whether a text reports it as a state
-- ('reported': 开工, 竣工, 投产 …) or a plan states it as an intention ('intended': 规划, 计划…),
-- and its stage (0 studied/planned … 6 operating). A project's history entries are dated by the
-- text that states them (status_date: the document's own date, the notice's date for a gazette
-- reprint); its current status is the latest dated statement, except that an intention never
-- replaces a state it does not go beyond (gis-data/README.md).
CREATE TABLE project_status (
    status_zh  text PRIMARY KEY,
    status_en  text NOT NULL,
    stated     text NOT NULL CHECK (stated IN ('reported', 'intended')),
    stage      int  NOT NULL CHECK (stage BETWEEN 0 AND 6),
    meaning_zh text NOT NULL
);
COMMENT ON TABLE project_status IS 'Status vocabulary of project.status and project.status_history';

-- NOT VALID: a database loaded before V21 keeps its old rows (reload it to get the new data); new rows are checked.
ALTER TABLE project ADD CONSTRAINT project_status_known FOREIGN KEY (status) REFERENCES project_status (status_zh) NOT VALID;
ALTER TABLE project ADD COLUMN status_date text NULL CHECK (status_date ~ '^\d{4}-\d{2}(-\d{2})?$');
COMMENT ON COLUMN project.status_date IS 'date of the text that states the current status (as precise as the text gives it)';
COMMENT ON COLUMN project.status_year IS 'the year the stating passage speaks of (a report''s review year, a plan''s year)';
COMMENT ON COLUMN project.status_history IS
    '[{date, year, status_zh, status_en, stated, file, line, title}] ordered by date; one entry per status and year';

UPDATE collection
SET tile_properties = ARRAY['id', 'name_zh', 'name_en', 'category', 'category_en', 'status', 'status_en', 'status_year',
                            'status_date', 'area_id', 'location_quality']
WHERE id = 'projects';
