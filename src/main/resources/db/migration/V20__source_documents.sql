-- The source documents the planning layers cite (issue 12): one row per seed text, with the
-- SHA-256 of the exact text the line numbers refer to, and the notices a text reprints (the 2024
-- gazette carries notices of 2022), by line range. Loaded from gis-data/source_document.csv and
-- source_part.csv with the other shipped layers. Dates are as precise as the text gives them:
-- '2021-12' where a text names only the month.
CREATE TABLE source_document (
    file       text PRIMARY KEY,                  -- the seed file name every `sources` entry keeps
    title_zh   text NOT NULL,
    doc_number text NULL,                         -- 文号 or issue number, where the text gives one
    issuer_zh  text NULL,                         -- NULL: the text does not name its issuer
    issued_on  text NOT NULL CHECK (issued_on ~ '^\d{4}-\d{2}(-\d{2})?$'),   -- date of issue (印发)
    dated_on   text NOT NULL CHECK (dated_on ~ '^\d{4}-\d{2}(-\d{2})?$'),    -- the date the text bears for its content
    covers_zh  text NOT NULL,
    note_zh    text NULL,
    sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$')
);
COMMENT ON TABLE source_document IS
    'Seed texts cited by the planning layers; sha256 identifies the exact text whose line numbers are cited';

CREATE TABLE source_part (
    file       text NOT NULL REFERENCES source_document (file),
    first_line int  NOT NULL CHECK (first_line >= 1),
    last_line  int  NOT NULL,
    title_zh   text NOT NULL,
    doc_number text NULL,
    issuer_zh  text NULL,
    dated_on   text NOT NULL CHECK (dated_on ~ '^\d{4}-\d{2}(-\d{2})?$'),
    covers_zh  text NOT NULL,
    PRIMARY KEY (file, first_line),
    CHECK (first_line <= last_line)
);
COMMENT ON TABLE source_part IS
    'Documents reprinted inside a seed text (notices in a gazette), by line range; a citation in that range is dated by the part';
