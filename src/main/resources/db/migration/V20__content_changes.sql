-- Which publications each content write touched, keyed by the content version that the write
-- produced. Written by ContentStore in the same transaction as the write, after it has bumped
-- content_state.version: that row lock orders the writers, so versions appear here in commit order
-- and a reader that has seen content_state.version = V can trust that every change up to V is
-- visible. Each node's search index keeps the last version it applied and catches up from here.
CREATE TABLE content_changes (
  version        BIGINT NOT NULL,
  publication_id BIGINT NOT NULL,
  changed_at     BIGINT NOT NULL,
  PRIMARY KEY (version, publication_id)
);
