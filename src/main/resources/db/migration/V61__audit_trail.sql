-- The audit trail (全过程留痕): append-only. The server may add rows and read them, never change
-- or remove one — by privileges, not by convention. A role cannot be kept from changing a table
-- it owns, so the table must belong to another role: ./planview (as the database superuser)
-- provides planview_superuser.seal_audit_trail() (db/superuser/seal-audit-trail.sql), which hands
-- schema and table to the NOLOGIN role planview_audit and grants the server's role INSERT and
-- SELECT only. Where that function is absent (a database given by DATABASE_URL, set up without
-- a superuser) the server's role keeps ownership but revokes UPDATE, DELETE and TRUNCATE from
-- itself and a trigger refuses changes; the server says so in its log at every start.
-- Later migrations cannot alter audit.event once it is sealed: that takes the superuser.

CREATE SCHEMA audit;

CREATE TABLE audit.event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    user_name      text,          -- NULL: an anonymous caller
    user_role      text,
    client_address text,
    action         text NOT NULL,
    collection_id  text,
    parameters     jsonb NOT NULL DEFAULT '{}'::jsonb,
    result_size    bigint,
    outcome        text NOT NULL CHECK (outcome IN ('success', 'failure', 'refused'))
);
CREATE INDEX audit_event_time ON audit.event (occurred_at DESC);
CREATE INDEX audit_event_action ON audit.event (action, occurred_at DESC);
CREATE INDEX audit_event_user ON audit.event (user_name, occurred_at DESC);

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.event
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

DO $$
BEGIN
    IF to_regprocedure('planview_superuser.seal_audit_trail()') IS NOT NULL THEN
        PERFORM planview_superuser.seal_audit_trail();
    ELSE
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit.event FROM %I', current_user);
    END IF;
END $$;
