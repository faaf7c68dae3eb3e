-- Accounts, roles, sessions, API tokens and login attempts (issue 18). Sessions and attempts live
-- here, not in a server's memory: several servers behind a load balancer share them.

CREATE TABLE account (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$'),
    role                text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    -- PHC string of an Argon2id hash (auth/PasswordHasher); never the password
    password_hash       text NOT NULL,
    active              boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    password_changed_at timestamptz NOT NULL DEFAULT now()
);

-- A signed-in browser: the cookie carries a random token, the table only its SHA-256.
CREATE TABLE account_session (
    token_hash     text PRIMARY KEY,
    account_id     bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    -- sent back by the page in X-CSRF-Token on every write
    csrf_token     text NOT NULL,
    client_address text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL
);
CREATE INDEX account_session_account ON account_session (account_id);
CREATE INDEX account_session_expiry ON account_session (expires_at);

-- Per-user tokens for API clients (QGIS, ArcGIS, scripts): shown once, stored as SHA-256.
CREATE TABLE api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash   text NOT NULL UNIQUE,
    label        text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Sign-in attempts (page, HTTP Basic), to limit guessing per account and per address.
CREATE TABLE login_attempt (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_name   text NOT NULL,
    client_address text NOT NULL,
    attempted_at   timestamptz NOT NULL DEFAULT now(),
    succeeded      boolean NOT NULL
);
CREATE INDEX login_attempt_account ON login_attempt (account_name, attempted_at);
CREATE INDEX login_attempt_address ON login_attempt (client_address, attempted_at);

-- public: whoever may read (anonymous visitors when PLANVIEW_ANONYMOUS_READ allows);
-- internal: signed-in accounts only — to anyone else the collection does not exist (404).
ALTER TABLE collection ADD COLUMN access text NOT NULL DEFAULT 'public' CHECK (access IN ('public', 'internal'));
