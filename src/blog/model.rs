//! Diesel rows of the blog tables and the states stored in them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{categories, comments, posts, tags};
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = posts)]
pub struct Post {
    pub id: i64,
    pub guid: String,
    pub lang: Lang,
    pub slug: String,
    pub title: String,
    pub excerpt: String,
    pub body_md: String,
    pub body_html: String,
    pub status: PostStatus,
    pub published_at: Option<NaiveDateTime>,
    pub translation_key: Option<String>,
    pub author_id: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Signed by the team (a word per language) instead of the organizer who wrote it.
    pub by_team: bool,
}

impl Post {
    /// The public path of the post.
    pub fn path(&self) -> String {
        post_path(self.lang, &self.slug)
    }

    /// Draft, scheduled or published, as the organizer sees it.
    pub fn state(&self, now: NaiveDateTime) -> PostState {
        match (self.status, self.published_at) {
            (PostStatus::Published, Some(at)) if at > now => PostState::Scheduled,
            (PostStatus::Published, _) => PostState::Published,
            (PostStatus::Draft, _) => PostState::Draft,
        }
    }
}

pub fn post_path(lang: Lang, slug: &str) -> String {
    format!("/{lang}/blog/{slug}/")
}

#[derive(Debug, Insertable)]
#[diesel(table_name = posts)]
pub struct NewPost<'a> {
    pub guid: &'a str,
    pub lang: Lang,
    pub slug: &'a str,
    pub title: &'a str,
    pub excerpt: &'a str,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub status: PostStatus,
    pub published_at: Option<NaiveDateTime>,
    pub author_id: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub by_team: bool,
}

crate::db::text_enum! {
    /// The stored publication status; "scheduled" is a published post with a future date.
    pub enum PostStatus {
        Draft = "draft",
        Published = "published",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostState {
    Draft,
    Scheduled,
    Published,
}

impl PostState {
    pub const ALL: [PostState; 3] = [PostState::Draft, PostState::Scheduled, PostState::Published];

    /// The CSS modifier of its badge.
    pub fn key(self) -> &'static str {
        match self {
            PostState::Draft => "draft",
            PostState::Scheduled => "scheduled",
            PostState::Published => "published",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            PostState::Draft => "state-draft",
            PostState::Scheduled => "state-scheduled",
            PostState::Published => "state-published",
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = categories)]
pub struct Category {
    pub id: i64,
    pub slug_de: String,
    pub name_de: String,
    pub name_en: String,
    pub slug_en: String,
}

impl Category {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.name_de,
            Lang::En => &self.name_en,
        }
    }

    pub fn slug(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.slug_de,
            Lang::En => &self.slug_en,
        }
    }

    /// The category's listing in `lang`, under that language's slug.
    pub fn path(&self, lang: Lang) -> String {
        format!("/{lang}/category/{}/", self.slug(lang))
    }
}

/// A category's slug and name in both languages, validated.
#[derive(Debug, Clone, Default)]
pub struct CategoryInput {
    pub slug_de: String,
    pub slug_en: String,
    pub name_de: String,
    pub name_en: String,
}

impl CategoryInput {
    pub fn slug(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.slug_de,
            Lang::En => &self.slug_en,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = tags)]
pub struct Tag {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = comments)]
pub struct Comment {
    pub id: i64,
    pub post_id: i64,
    pub author_name: String,
    pub author_email: String,
    pub body: String,
    pub status: CommentStatus,
    pub created_at: NaiveDateTime,
}

crate::db::text_enum! {
    /// Where a comment stands in moderation.
    pub enum CommentStatus: "comment-state-" {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
        Spam = "spam",
    }
}

/// An option of a select: (id, label).
pub type Choice = (i64, String);

/// What the post editor asks of the features built on the blog (an event a post is
/// about, its announcement to contacts). The blog knows neither; the composition root
/// passes their functions in.
#[derive(Clone, Copy)]
pub struct PostNeighbours {
    /// The events a post may be about, as (id, label in `lang`), newest first.
    pub events: fn(&mut crate::db::DbConn, Lang) -> QueryResult<Vec<Choice>>,
    /// Whether the post has an announcement that is not cancelled.
    pub is_announced: fn(&mut crate::db::DbConn, i64) -> QueryResult<bool>,
    /// Plans (or withdraws) the announcement of a saved post, as organizer `organizer`.
    pub set_announcement:
        fn(&mut crate::db::DbConn, &Post, bool, i64, NaiveDateTime) -> QueryResult<()>,
}
