-- Constraint layers of the red-line (选址) report (issue 15): a collection an editor flags as a
-- constraint (生态保护红线, 永久基本农田 …) is checked first in every report, and any overlap with a
-- site is reported as a conflict. The shipped layers are not constraints.
ALTER TABLE collection ADD COLUMN is_constraint boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN collection.is_constraint IS
    'true: the red-line report lists overlaps with this layer as conflicts (set by an editor: PUT /collections/{id}/constraint)';
