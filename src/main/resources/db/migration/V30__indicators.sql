-- Plan indicators (规划指标, issue 16): the targets and reported figures of the seed texts, each
-- value with file, line and exact quote. Loaded from gis-data/indicator.json (built by
-- gis-data/build/indicators.py); reloaded whenever that file changes. Progress and conflicts are
-- derived by the build under the rules in indicator_rule and stored beside the values.

CREATE TABLE indicator_document (          -- until gis-data/source_document.csv: titles per seed file
    file     text PRIMARY KEY,
    title_zh text NOT NULL,
    title_en text NOT NULL,
    date     text NULL                      -- YYYY-MM as the document gives it
);

CREATE TABLE indicator (
    id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9_]+$'),
    name_zh      text NOT NULL,
    name_en      text NOT NULL,
    theme        text NOT NULL CHECK (theme IN ('population', 'economy', 'land', 'green', 'infrastructure',
                                                'investment', 'projects', 'innovation', 'society')),
    scope        text NOT NULL CHECK (scope IN ('liudong', 'city')),
    -- flow: an amount within a period; stock: a level at its end; growth: a rate of change (%);
    -- ratio: a percentage that is not a growth rate; rank: a place in a ranking
    measure      text NOT NULL CHECK (measure IN ('flow', 'stock', 'growth', 'ratio', 'rank')),
    unit         text NOT NULL,
    note         text NULL,
    implied_from text NULL,                 -- a level indicator whose actuals imply this average rate
    sort_order   int  NOT NULL
);

CREATE TABLE indicator_value (
    id            text PRIMARY KEY,
    indicator_id  text NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('target', 'plan', 'actual')),
    period        text NOT NULL,            -- 2022, 2021H1, 2021-2025
    period_start  date NOT NULL,
    period_end    date NOT NULL CHECK (period_end >= period_start),
    period_zh     text NOT NULL,
    period_en     text NOT NULL,
    stated        text NOT NULL,            -- the figure exactly as the text writes it
    number        numeric NOT NULL,         -- the number as written (30 of “30万”)
    value         numeric NOT NULL,         -- normalised into indicator.unit
    qualifier     text NULL CHECK (qualifier IN ('about', 'at_least')),
    reported_share_stated text NULL,        -- “完成年度目标任务的142%”: the share the text itself reports
    reported_share numeric NULL,
    file          text NOT NULL REFERENCES indicator_document (file),
    line          int  NOT NULL CHECK (line > 0),
    quote         text NOT NULL CHECK (strpos(quote, stated) > 0),
    part_zh       text NULL,                -- the document within a gazette
    part_en       text NULL,
    note          text NULL,
    sort_order    int  NOT NULL
);
CREATE INDEX indicator_value_indicator ON indicator_value (indicator_id);

CREATE TABLE indicator_rule (
    method  text PRIMARY KEY CHECK (method IN ('straight_line', 'growth', 'implied_growth')),
    rule_zh text NOT NULL,
    rule_en text NOT NULL
);

CREATE TABLE indicator_progress (
    indicator_id   text NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    method         text NOT NULL REFERENCES indicator_rule (method),
    target_id      text NOT NULL REFERENCES indicator_value (id) ON DELETE CASCADE,
    actual_id      text NOT NULL REFERENCES indicator_value (id) ON DELETE CASCADE,
    base_id        text NULL REFERENCES indicator_value (id) ON DELETE CASCADE,
    share          numeric NULL,            -- straight_line: actual ÷ target
    expected_share numeric NULL,            -- straight_line: months elapsed ÷ months in the period
    actual_rate    numeric NULL,            -- growth, implied_growth (%)
    target_rate    numeric NULL,
    gap_points     numeric NULL,
    years          int NULL,
    status         text NOT NULL CHECK (status IN ('on_track', 'behind', 'achieved', 'missed')),
    warning        boolean NOT NULL,
    caveat_zh      text NULL,
    caveat_en      text NULL,
    PRIMARY KEY (target_id, actual_id, method)
);

CREATE TABLE indicator_conflict (           -- values of one kind and period that disagree
    indicator_id text NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    kind         text NOT NULL,
    period       text NOT NULL,
    value_ids    text[] NOT NULL,
    PRIMARY KEY (indicator_id, kind, period)
);

CREATE TABLE indicator_dataset (            -- which indicator.json is loaded (SHA-256 of its bytes)
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    sha256    text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
