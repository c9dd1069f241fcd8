DROP TABLE topic_notes;
DROP TABLE topic_votes;
DROP TABLE topics;
DROP TABLE time_slots;
DROP TABLE rooms;
DROP TABLE topic_boards;
