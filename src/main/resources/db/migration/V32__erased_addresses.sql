-- Addresses erased on request, kept only as a SHA-256 hash of the normalized address, so that an
-- import of an old list cannot bring back someone who asked to be forgotten, while the table
-- names nobody (see SubscriberStore.erase).
CREATE TABLE erased_addresses (
  address_hash VARCHAR(64) PRIMARY KEY,
  erased_at    BIGINT NOT NULL
);
