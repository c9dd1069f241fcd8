DROP TABLE outbox;
DROP TABLE rsvps;
DROP TABLE event_posts;
DROP TABLE agenda_items;
DROP TABLE events;
