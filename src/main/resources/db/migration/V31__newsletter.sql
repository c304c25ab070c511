-- The newsletter: campaigns, sends and the durable outbox. See the package documentation of
-- org.thinkpress.newsletter for the words (send, outbox row, queued, submitted...).

CREATE TABLE campaigns (
  id         ${id_pk},
  subject    VARCHAR(300) NOT NULL,
  body_md    TEXT NOT NULL,
  lists      VARCHAR(1000) NOT NULL,          -- list keys, comma-separated
  topics     VARCHAR(2000) NOT NULL DEFAULT '',-- topic slugs, comma-separated; empty: any
  regions    VARCHAR(2000) NOT NULL DEFAULT '',-- region slugs, comma-separated; empty: any
  created_at BIGINT NOT NULL
);

-- One message to many subscribers. send_key makes creating it idempotent: the alert for a
-- publication, the digest of a list for a period, a campaign, exist once whatever node tries.
CREATE TABLE sends (
  id             ${id_pk},
  send_key       VARCHAR(200) NOT NULL UNIQUE,
  kind           VARCHAR(16) NOT NULL,        -- confirmation, alert, digest, campaign
  list_key       VARCHAR(60),
  subject        VARCHAR(300) NOT NULL,
  publication_id BIGINT,                      -- alert: the piece (kept if the piece is deleted later)
  campaign_id    BIGINT REFERENCES campaigns (id),
  period_start   BIGINT,                      -- digest: pieces published in [start, end)
  period_end     BIGINT,
  created_at     BIGINT NOT NULL
);

-- One row per (send, subscriber): what a sender claims, submits and records.
CREATE TABLE outbox (
  id              ${id_pk},
  send_id         BIGINT NOT NULL REFERENCES sends (id) ON DELETE CASCADE,
  subscriber_id   BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  status          VARCHAR(16) NOT NULL,
  items           VARCHAR(2000) NOT NULL DEFAULT '', -- digest: publication ids, newest first
  generation      INTEGER NOT NULL DEFAULT 0,        -- bumped when a row is deliberately sent anew
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  claimed_by      VARCHAR(40),
  claimed_at      BIGINT,
  submitted_at    BIGINT,
  uncertain       INTEGER NOT NULL DEFAULT 0,        -- times found submitting after its sender stopped
  last_error      VARCHAR(500),
  changed_at      BIGINT NOT NULL,
  UNIQUE (send_id, subscriber_id)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);
CREATE INDEX outbox_by_subscriber ON outbox (subscriber_id, status);

-- Senders alive now: each beats every few seconds; rows claimed by a sender that stopped beating
-- go back to the queue.
CREATE TABLE newsletter_senders (
  id           VARCHAR(40) PRIMARY KEY,
  host         VARCHAR(200) NOT NULL,
  started_at   BIGINT NOT NULL,
  heartbeat_at BIGINT NOT NULL
);
