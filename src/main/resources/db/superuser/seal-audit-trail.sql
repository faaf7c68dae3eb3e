-- Run by ./planview as the database superuser in each database it provisions (not a Flyway
-- migration: the server's own role cannot do this). Idempotent.
--
-- planview_audit: a role nobody logs in as, owner of the audit trail (V61__audit_trail.sql).
-- planview_superuser.seal_audit_trail(): hands schema audit and table audit.event from the role that
-- created them (the server's) to planview_audit, and grants that role INSERT and SELECT only.
-- It takes no arguments and touches nothing else, so the server's role may call it.
DO $$
BEGIN
    CREATE ROLE planview_audit NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END $$;

-- A schema of its own (owned by the superuser): Flyway starts only on an empty public schema,
-- and the server's role cannot replace what is in here.
CREATE SCHEMA IF NOT EXISTS planview_superuser;
GRANT USAGE ON SCHEMA planview_superuser TO PUBLIC;

CREATE OR REPLACE FUNCTION planview_superuser.seal_audit_trail() RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    app name;
BEGIN
    SELECT tableowner INTO app FROM pg_tables WHERE schemaname = 'audit' AND tablename = 'event';
    IF app IS NULL THEN
        RETURN 'no audit.event table yet';
    END IF;
    IF app = 'planview_audit' THEN
        RETURN 'sealed already';
    END IF;
    ALTER SCHEMA audit OWNER TO planview_audit;
    ALTER TABLE audit.event OWNER TO planview_audit;
    ALTER FUNCTION audit.refuse_change() OWNER TO planview_audit;
    REVOKE ALL ON audit.event FROM PUBLIC;
    EXECUTE format('REVOKE ALL ON audit.event FROM %I', app);
    EXECUTE format('GRANT USAGE ON SCHEMA audit TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON audit.event TO %I', app);
    RETURN 'sealed: audit.event belongs to planview_audit; ' || app || ' may insert and select';
END $$;

-- Anyone connected may call it: all it can do is the sealing above.
GRANT EXECUTE ON FUNCTION planview_superuser.seal_audit_trail() TO PUBLIC;
-- An audit trail already created by the server's role (the function was not there yet) is sealed now.
SELECT planview_superuser.seal_audit_trail();
