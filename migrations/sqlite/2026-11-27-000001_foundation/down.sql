DROP TABLE rate_events;
DROP TABLE comments;
DROP TABLE post_tags;
DROP TABLE post_categories;
DROP TABLE posts;
DROP TABLE tags;
DROP TABLE categories;
DROP TABLE organizers;
