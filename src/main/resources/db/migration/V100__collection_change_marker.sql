-- A change marker per collection for HTTP validators: the ETag of a tile or a page of items is
-- built from it, so a client or a shared cache revalidating gets 304 without the tile being cut
-- again, and any change of the collection's data changes it. Every change of a collection's data
-- the server makes (an import creating or replacing it, a rollback) writes its catalogue row in
-- the same transaction (caveat, updated_at), as do changes of its access, so a trigger on that
-- row is the one place the marker moves; the overview refresher touches the row after rebuilding
-- a grid the low-zoom tiles are cut from. A sequence, not a timestamp: two changes never share one.
CREATE SEQUENCE collection_change_seq;

ALTER TABLE collection ADD COLUMN change_marker bigint NOT NULL DEFAULT nextval('collection_change_seq');

CREATE FUNCTION collection_mark_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_marker := nextval('collection_change_seq');
    RETURN NEW;
END $$;

CREATE TRIGGER collection_change_marker BEFORE UPDATE ON collection
    FOR EACH ROW EXECUTE FUNCTION collection_mark_change();
