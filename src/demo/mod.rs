//! `grillplatz demo`: fills an empty database with sample posts, comments and categories.

mod content;

use chrono::Duration;
use diesel::prelude::*;

use crate::admin::organizers;
use crate::blog::markdown;
use crate::blog::model::{CommentStatus, PostStatus};
use crate::blog::queries::{self, PostInput};
use crate::db::DbConn;
use crate::db::schema::{categories, comments, posts, tags};
use crate::i18n::Lang;
use content::{CATEGORIES, DemoState, POSTS, TAGS};

/// The demo author, who cannot log in (its password hash matches nothing).
const AUTHOR_EMAIL: &str = "team@grillplatz.example";

/// What the demo wrote, for the command's summary.
#[derive(Debug, Default)]
pub struct Summary {
    pub posts: usize,
    pub comments: usize,
}

/// Inserts the demo content, refusing when posts already exist.
pub fn fill(conn: &mut DbConn) -> anyhow::Result<Summary> {
    conn.transaction(|conn| {
        let existing: i64 = posts::table.count().get_result(conn)?;
        if existing > 0 {
            anyhow::bail!(
                "the database already has {existing} posts; the demo only fills an empty one"
            );
        }
        let author_id = match organizers::by_email(conn, AUTHOR_EMAIL)? {
            Some(author) => author.id,
            None => organizers::create(conn, AUTHOR_EMAIL, "Grillplatz-Team", "!", Lang::De)?,
        };
        for c in CATEGORIES {
            diesel::insert_into(categories::table)
                .values((
                    categories::slug.eq(c.slug),
                    categories::name_de.eq(c.name_de),
                    categories::name_en.eq(c.name_en),
                ))
                .execute(conn)?;
        }
        for t in TAGS {
            diesel::insert_into(tags::table)
                .values((tags::slug.eq(t.slug), tags::name.eq(t.name)))
                .execute(conn)?;
        }
        let all_categories = queries::all_categories(conn)?;
        let now = queries::now();
        let mut summary = Summary::default();
        let mut ids_by_key: Vec<(&str, i64)> = Vec::new();
        for post in POSTS {
            let lang: Lang = post.lang.parse().map_err(|()| {
                anyhow::anyhow!("demo post {} has language {}", post.slug, post.lang)
            })?;
            let published_at = now - Duration::days(post.days_ago) - Duration::hours(3);
            let translation_id = post.translation_key.and_then(|key| {
                ids_by_key
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, id)| *id)
            });
            let input = PostInput {
                lang,
                slug: post.slug.to_string(),
                title: post.title.to_string(),
                excerpt: post.excerpt.to_string(),
                body_md: post.body_md.to_string(),
                body_html: markdown::to_html(post.body_md),
                status: match post.state {
                    DemoState::Published => PostStatus::Published,
                    DemoState::Draft => PostStatus::Draft,
                },
                published_at: Some(published_at),
                category_ids: all_categories
                    .iter()
                    .filter(|c| post.categories.contains(&c.slug.as_str()))
                    .map(|c| c.id)
                    .collect(),
                tags: post
                    .tags
                    .iter()
                    .filter_map(|slug| TAGS.iter().find(|t| t.slug == *slug))
                    .map(|t| (t.slug.to_string(), t.name.to_string()))
                    .collect(),
                translation_id,
            };
            let id = queries::save_post(conn, None, author_id, &input)?;
            if let Some(key) = post.translation_key {
                ids_by_key.push((key, id));
            }
            for (n, comment) in post.comments.iter().enumerate() {
                let status = if comment.approved {
                    CommentStatus::Approved
                } else {
                    CommentStatus::Pending
                };
                diesel::insert_into(comments::table)
                    .values((
                        comments::post_id.eq(id),
                        comments::author_name.eq(comment.author_name),
                        comments::author_email.eq(comment.author_email),
                        comments::body.eq(comment.body),
                        comments::status.eq(status.as_str()),
                        comments::created_at.eq(published_at + Duration::hours(5 + 7 * n as i64)),
                    ))
                    .execute(conn)?;
                summary.comments += 1;
            }
            summary.posts += 1;
        }
        Ok(summary)
    })
}
