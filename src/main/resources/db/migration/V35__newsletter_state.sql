-- What the newsletter's schedule must remember across restarts and restores, by name:
--   digests_after  epoch millis: the automatic digests compose no period that ended at or before
--                  it. A restore sets it, since the installation the backup came from may have sent
--                  those digests after the backup was taken (thinkpress newsletter digest still
--                  composes one by hand).
CREATE TABLE newsletter_state (
  name  VARCHAR(60) PRIMARY KEY,
  value BIGINT NOT NULL
);
