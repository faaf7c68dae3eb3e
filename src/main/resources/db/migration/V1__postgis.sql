-- PostGIS does all spatial work. Creating the extension needs a superuser; the run/test commands
-- create it as the postgres user first, so for them this is a no-op.
CREATE EXTENSION IF NOT EXISTS postgis;
