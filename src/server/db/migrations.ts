/**
 * The schema, as numbered migrations applied in order at start (one transaction each, under an advisory
 * lock so two server processes sharing a PostgreSQL never race). Never edit a released migration: add one.
 */
import type { Db } from './db.js';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'accounts, catalogues, rounds, submissions, comments, audit',
    sql: `
CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'reviewer', 'office')),
  office text,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'office') = (office IS NOT NULL))
);
CREATE UNIQUE INDEX users_office ON users (office) WHERE office IS NOT NULL;

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  remote_addr text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE catalogues (
  id serial PRIMARY KEY,
  version text NOT NULL UNIQUE,
  catalogue jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by integer REFERENCES users (id)
);

CREATE TABLE policy_documents (
  id serial PRIMARY KEY,
  catalogue_id integer NOT NULL REFERENCES catalogues (id),
  file_name text NOT NULL,
  bytes bytea NOT NULL,
  sha256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rounds (
  id serial PRIMARY KEY,
  name text NOT NULL,
  catalogue_id integer NOT NULL REFERENCES catalogues (id),
  period text NOT NULL,
  deadline date,
  roster jsonb NOT NULL,
  roster_csv text NOT NULL,
  allocation jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by integer REFERENCES users (id)
);

CREATE TABLE submissions (
  id serial PRIMARY KEY,
  round_id integer NOT NULL REFERENCES rounds (id),
  office text NOT NULL,
  user_id integer NOT NULL REFERENCES users (id),
  file_name text NOT NULL,
  bytes bytea NOT NULL,
  sha256 text NOT NULL,
  size integer NOT NULL,
  parsed jsonb NOT NULL,
  problems jsonb NOT NULL,
  errors integer NOT NULL,
  warnings integer NOT NULL,
  state text NOT NULL CHECK (state IN ('已报送', '已退回', '已采用')),
  remote_addr text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submissions_round_office ON submissions (round_id, office, id);

CREATE TABLE comments (
  id serial PRIMARY KEY,
  submission_id integer NOT NULL REFERENCES submissions (id),
  user_id integer NOT NULL REFERENCES users (id),
  target_id text,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_submission ON comments (submission_id);

CREATE TABLE audit_log (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users (id),
  action text NOT NULL,
  object text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  remote_addr text
);
`,
  },
  {
    version: 2,
    name: 'parsed submissions as json (stored and read back whole, never queried inside)',
    // jsonb's binary conversion cost more CPU per upload than the rest of the insert (bench/server.ts).
    sql: `
ALTER TABLE submissions ALTER COLUMN parsed TYPE json USING parsed::json;
ALTER TABLE submissions ALTER COLUMN problems TYPE json USING problems::json;
`,
  },
  {
    version: 3,
    name: 'refused uploads kept as 有错误 (parsed is null when the file could not be read)',
    sql: `
ALTER TABLE submissions DROP CONSTRAINT submissions_state_check;
ALTER TABLE submissions ADD CONSTRAINT submissions_state_check
  CHECK (state IN ('已报送', '已退回', '已采用', '有错误'));
ALTER TABLE submissions ALTER COLUMN parsed DROP NOT NULL;
`,
  },
  {
    version: 4,
    name: 'report settings per round (report.json fields, edited in the web pages)',
    sql: `ALTER TABLE rounds ADD COLUMN report_settings jsonb;`,
  },
  {
    version: 5,
    name: 'uploaded files and parsed submissions stored uncompressed',
    // The default TOAST compression (pglz) of every upload was the largest single cost of storing it
    // (bench/server.ts: ~14 ms CPU of the ~45 ms per upload on the server's main thread). A workbook is
    // already deflate-compressed, so pglz saved nothing on it; the parsed submission grows from ~60 KB to
    // ~260 KB on disk for a 300-target workbook, which is cheap beside the CPU.
    sql: `
ALTER TABLE submissions ALTER COLUMN bytes SET STORAGE EXTERNAL;
ALTER TABLE submissions ALTER COLUMN parsed SET STORAGE EXTERNAL;
`,
  },
  {
    version: 6,
    name: 'parsed submissions stored deflated by the checking thread',
    // Storing the ~260 KB json (the database parses it to check it, then writes it) cost the main thread,
    // the one that runs the embedded database, ~4 ms per upload; deflated by the checking thread it is
    // ~26 KB of bytes (store.ts: parsedSubmission reads either). Rows stored before keep their json.
    sql: `
ALTER TABLE submissions ADD COLUMN parsed_deflated bytea;
ALTER TABLE submissions ALTER COLUMN parsed_deflated SET STORAGE EXTERNAL;
`,
  },
];

/** Apply every migration not yet recorded; returns the versions applied now. */
export async function migrate(db: Db): Promise<number[]> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7263001)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (seen.length) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** Tables in dependency order (backup writes and restore reads them in this order). */
export const TABLES = [
  'users',
  'sessions',
  'catalogues',
  'policy_documents',
  'rounds',
  'submissions',
  'comments',
  'audit_log',
] as const;
