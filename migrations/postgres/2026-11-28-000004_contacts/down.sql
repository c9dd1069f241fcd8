DROP INDEX outbox_campaign;
ALTER TABLE outbox DROP COLUMN unsubscribe_url;
ALTER TABLE outbox DROP COLUMN campaign_id;
DROP TABLE contact_imports;
DROP TABLE campaigns;
DROP TABLE suppressions;
DROP TABLE contact_tags;
DROP TABLE contacts;
