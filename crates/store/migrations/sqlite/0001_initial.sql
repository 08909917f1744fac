-- Empreinte hub schema (SQLite). Kept in step with ../postgres/0001_initial.sql: same tables,
-- same columns, same meaning; only the types and identity syntax differ.

-- The feed clock: the last position and virtual second handed out. Every transaction that
-- changes what the feed serves takes the write lock (BEGIN IMMEDIATE) before it reads this row,
-- so positions are handed out in commit order. See the store crate's docs.
CREATE TABLE feed_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    second INTEGER NOT NULL,
    in_second INTEGER NOT NULL
);
INSERT INTO feed_clock (id, seq, second, in_second) VALUES (1, 0, 0, 0);

CREATE TABLE platforms (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    key_hash BLOB NOT NULL UNIQUE,
    key_prefix TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    rotated_at INTEGER,
    revoked_at INTEGER
);

-- A case: a person's submission (origin 'person', with lookup and pin_hash), a platform's
-- SubmitHashes call (origin 'platform') or an operator import (origin 'import').
-- Nothing about the person is stored: no name, e-mail, IP address or user agent.
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    origin TEXT NOT NULL CHECK (origin IN ('person', 'platform', 'import')),
    lookup BLOB UNIQUE,
    public_id TEXT NOT NULL UNIQUE,
    pin_hash TEXT,
    platform_id INTEGER REFERENCES platforms (id),
    state TEXT NOT NULL CHECK (state IN ('active', 'withdrawn')),
    created_at INTEGER NOT NULL,
    withdrawn_at INTEGER,
    purge_at INTEGER,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    item_count INTEGER NOT NULL
);
CREATE INDEX cases_purge ON cases (purge_at) WHERE purge_at IS NOT NULL;

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    UNIQUE (case_id, position)
);

-- One row per distributed hash value, whatever the number of cases holding it. `record` is the
-- JSON snapshot the feed serves, rebuilt in the transaction that changes the hash, at position
-- (feed_seq, feed_second).
CREATE TABLE hashes (
    id INTEGER PRIMARY KEY,
    signal_type TEXT NOT NULL,
    value TEXT NOT NULL,
    status TEXT NOT NULL,
    quarantined BOOLEAN NOT NULL DEFAULT FALSE,
    quarantine_epoch INTEGER NOT NULL DEFAULT 0,
    excluded BOOLEAN NOT NULL DEFAULT FALSE,
    created_at INTEGER NOT NULL,
    feed_seq INTEGER NOT NULL,
    feed_second INTEGER NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (signal_type, value)
);
CREATE INDEX hashes_feed_seq ON hashes (feed_seq);
-- (feed_second, feed_seq): finds the first position of a startTimestamp in one index probe.
CREATE INDEX hashes_feed_second ON hashes (feed_second, feed_seq);

CREATE TABLE signals (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    hash_id INTEGER NOT NULL REFERENCES hashes (id),
    convention TEXT,
    quality INTEGER
);
CREATE INDEX signals_item ON signals (item_id);
CREATE INDEX signals_hash ON signals (hash_id);

-- The latest feedback of each platform on each hash.
CREATE TABLE feedback (
    hash_id INTEGER NOT NULL REFERENCES hashes (id) ON DELETE CASCADE,
    platform_id INTEGER NOT NULL REFERENCES platforms (id),
    value TEXT NOT NULL,
    tags TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (hash_id, platform_id)
);
CREATE INDEX feedback_platform ON feedback (platform_id);

CREATE TABLE negative_bank (
    id INTEGER PRIMARY KEY,
    signal_type TEXT NOT NULL,
    value TEXT NOT NULL,
    note TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    UNIQUE (signal_type, value)
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE platform_usage (
    platform_id INTEGER NOT NULL REFERENCES platforms (id),
    day INTEGER NOT NULL,
    endpoint TEXT NOT NULL,
    calls INTEGER NOT NULL,
    items INTEGER NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (platform_id, day, endpoint)
);

-- Hashes purged from the feed, kept briefly so that the hub processes' in-memory indexes and
-- change streams, which follow positions, learn of the removal (FetchHashes does not serve them).
CREATE TABLE purged_hashes (
    seq INTEGER NOT NULL PRIMARY KEY,
    hash_id INTEGER NOT NULL,
    signal_type TEXT NOT NULL,
    value TEXT NOT NULL,
    purged_at INTEGER NOT NULL,
    record TEXT NOT NULL
);
