-- What a subscriber's export carries besides their choices, so that importing it elsewhere gives
-- the same person back: when they consented, and when and how they left (see SubscriberCsv).
ALTER TABLE subscribers ADD COLUMN consent_at BIGINT;                 -- when the consent was given (the sign-up)
ALTER TABLE subscribers ADD COLUMN unsubscribed_at BIGINT;            -- while unsubscribed: since when
ALTER TABLE subscribers ADD COLUMN unsubscribe_reason VARCHAR(200);   -- and how: one-click, the preferences page, an import

-- Sign-ups before this migration consented when their row was created.
UPDATE subscribers SET consent_at = created_at WHERE consent <> '';
UPDATE subscribers SET unsubscribed_at = changed_at, unsubscribe_reason = 'before the reason was recorded'
  WHERE status = 'unsubscribed';
