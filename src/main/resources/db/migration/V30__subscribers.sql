-- Subscribers: who asked for email, what they want, and the proof that they asked.
-- Addresses are stored lower-cased and trimmed, so one person is one row whatever they typed.

CREATE TABLE subscribers (
  id                 ${id_pk},
  email              VARCHAR(254) NOT NULL UNIQUE,
  name               VARCHAR(200) NOT NULL DEFAULT '',
  language           VARCHAR(35) NOT NULL,
  status             VARCHAR(16) NOT NULL,            -- pending, confirmed, paused, unsubscribed
  everything         BOOLEAN NOT NULL DEFAULT FALSE,  -- every topic and region
  consent            VARCHAR(500) NOT NULL DEFAULT '',-- how and when consent was given
  confirm_nonce      VARCHAR(64),                     -- the live confirmation link; NULL once used
  confirm_expires_at BIGINT,
  confirm_sent_at    BIGINT,
  created_at         BIGINT NOT NULL,
  confirmed_at       BIGINT,
  changed_at         BIGINT NOT NULL
);
CREATE INDEX subscribers_by_status ON subscribers (status, id);

CREATE TABLE subscriber_lists (
  subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  list_key      VARCHAR(60) NOT NULL,
  PRIMARY KEY (subscriber_id, list_key)
);
CREATE INDEX subscriber_lists_by_list ON subscriber_lists (list_key, subscriber_id);

CREATE TABLE subscriber_topics (
  subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  topic_id      BIGINT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  PRIMARY KEY (subscriber_id, topic_id)
);
CREATE INDEX subscriber_topics_by_topic ON subscriber_topics (topic_id, subscriber_id);

CREATE TABLE subscriber_regions (
  subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  region_id     BIGINT NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  PRIMARY KEY (subscriber_id, region_id)
);
CREATE INDEX subscriber_regions_by_region ON subscriber_regions (region_id, subscriber_id);

-- Addresses that must never be mailed again: hard bounces, complaints, an operator's decision.
CREATE TABLE suppressions (
  email      VARCHAR(254) PRIMARY KEY,
  reason     VARCHAR(500) NOT NULL,
  created_at BIGINT NOT NULL
);

-- Secrets generated on first start (the key that signs confirmation and preference links). Kept
-- out of the content settings table so that a content export never carries them.
CREATE TABLE subscriber_keys (
  name       VARCHAR(60) PRIMARY KEY,
  value      VARCHAR(200) NOT NULL,
  created_at BIGINT NOT NULL
);
