-- "Became published" events: written by the publishing workflow in the transaction that puts a
-- piece on the site (an editor's or the API's publish, a scheduled piece coming due), and never
-- by an import, the demo loader or a copy of rows. The newsletter takes each one once, in the
-- transaction that creates its alert (see org.thinkpress.publishing.PublishedEvents).
CREATE TABLE published_events (
  id             ${id_pk},
  publication_id BIGINT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  cause          VARCHAR(16) NOT NULL,     -- publish, schedule
  created_at     BIGINT NOT NULL,
  handled_at     BIGINT                    -- when the newsletter took it; NULL while pending
);
CREATE INDEX published_events_pending ON published_events (id) WHERE handled_at IS NULL;

-- Who has had the alert of a piece, or of any version of a translated piece, ever: one row per
-- (piece or translation group, subscriber), so that no second alert reaches anyone, whatever
-- lists, nodes, republications or later translations come.
CREATE TABLE alert_recipients (
  alert_key     VARCHAR(200) NOT NULL,     -- group:NAME for a piece in a translation group, else piece:ID
  subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  send_id       BIGINT NOT NULL,           -- the send that carried it; no foreign key: this outlives sends
  PRIMARY KEY (alert_key, subscriber_id)
);
CREATE INDEX alert_recipients_by_send ON alert_recipients (send_id);

-- The alerts sent before this migration: their recipients have had them.
INSERT INTO alert_recipients (alert_key, subscriber_id, send_id)
SELECT COALESCE('group:' || p.translation_group, 'piece:' || CAST(d.publication_id AS VARCHAR(20))), o.subscriber_id,
       MIN(d.id)
FROM outbox o
JOIN sends d ON d.id = o.send_id
LEFT JOIN publications p ON p.id = d.publication_id
WHERE d.kind = 'alert' AND d.publication_id IS NOT NULL
GROUP BY COALESCE('group:' || p.translation_group, 'piece:' || CAST(d.publication_id AS VARCHAR(20))), o.subscriber_id;
