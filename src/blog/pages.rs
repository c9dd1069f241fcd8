//! View models and page structs of the public blog; templates get ready-made strings.

use askama::Template;
use chrono::NaiveDateTime;
use chrono_tz::Tz;

use super::forms::CommentForm;
use super::model::{Category, Comment, Post, Tag};
use super::queries::PostExtras;
use crate::i18n::{FluentArg, Lang, format};
use crate::web::PageCtx;
use crate::web::forms::FieldErrors;
use crate::web::nav::{Link, Pager};

/// A post as a listing shows it.
#[derive(Debug, Clone)]
pub struct PostCard {
    pub href: String,
    pub title: String,
    pub excerpt: String,
    pub date: String,
    pub date_iso: String,
    pub author: String,
    pub categories: Vec<Link>,
    pub tags: Vec<Link>,
    pub comment_count: i64,
}

pub fn category_link(lang: Lang, category: &Category) -> Link {
    Link {
        href: category.path(lang),
        label: category.name(lang).to_string(),
    }
}

pub fn tag_link(lang: Lang, tag: &Tag) -> Link {
    Link {
        href: format!("/{lang}/tag/{}/", tag.slug),
        label: tag.name.clone(),
    }
}

/// Who signed the post: the team ("Grillplatz-Team" / "Grillplatz team", after the site's
/// name) or the organizer who wrote it.
pub fn byline(post: &Post, extras: &PostExtras, site_name: &str) -> String {
    if post.by_team {
        return post
            .lang
            .t_args("blog-team-author", &[("site", FluentArg::from(site_name))]);
    }
    extras
        .authors
        .get(&post.author_id)
        .cloned()
        .unwrap_or_default()
}

/// Cards for a page of posts, from the rows and their batch-loaded extras.
pub fn cards(posts: &[Post], extras: &PostExtras, tz: Tz, site_name: &str) -> Vec<PostCard> {
    posts
        .iter()
        .map(|post| {
            let lang = post.lang;
            let published = post.published_at.unwrap_or(post.created_at);
            PostCard {
                href: post.path(),
                title: post.title.clone(),
                excerpt: post.excerpt.clone(),
                date: format::date(lang, published, tz),
                date_iso: format::iso(published, tz),
                author: byline(post, extras, site_name),
                categories: extras
                    .categories
                    .get(&post.id)
                    .map(|cs| cs.iter().map(|c| category_link(lang, c)).collect())
                    .unwrap_or_default(),
                tags: extras
                    .tags
                    .get(&post.id)
                    .map(|ts| ts.iter().map(|t| tag_link(lang, t)).collect())
                    .unwrap_or_default(),
                comment_count: extras.comment_counts.get(&post.id).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// A sidebar entry with a count.
#[derive(Debug, Clone)]
pub struct CountedLink {
    pub href: String,
    pub label: String,
    pub count: i64,
}

impl CountedLink {
    pub fn new(link: Link, count: i64) -> CountedLink {
        CountedLink {
            href: link.href,
            label: link.label,
            count,
        }
    }
}

/// Categories, tags and recent months, shown beside every listing.
#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    pub categories: Vec<CountedLink>,
    pub tags: Vec<CountedLink>,
    pub months: Vec<CountedLink>,
    pub feed_href: String,
}

/// Posts per local (year, month), newest first.
pub fn archive_months(times: &[NaiveDateTime], tz: Tz) -> Vec<(i32, u32, i64)> {
    use chrono::Datelike;
    let mut counts: std::collections::BTreeMap<(i32, u32), i64> = Default::default();
    for t in times {
        let local = format::local(*t, tz);
        *counts.entry((local.year(), local.month())).or_default() += 1;
    }
    counts
        .into_iter()
        .rev()
        .map(|((y, m), n)| (y, m, n))
        .collect()
}

pub fn month_link(lang: Lang, year: i32, month: u32, count: i64) -> CountedLink {
    CountedLink {
        href: format!("/{lang}/archive/{year}/{month:02}/"),
        label: format::month_year(lang, year, month),
        count,
    }
}

#[derive(Template)]
#[template(path = "blog/index.html")]
pub struct ListingPage {
    pub ctx: PageCtx,
    pub heading: String,
    pub intro: Option<String>,
    pub cards: Vec<PostCard>,
    pub pager: Pager,
    pub sidebar: Sidebar,
    /// An Atom feed for exactly this listing, when there is one.
    pub feed_href: Option<String>,
}

/// A comment as shown under a post.
#[derive(Debug, Clone)]
pub struct CommentView {
    pub id: i64,
    pub author: String,
    pub date: String,
    pub date_iso: String,
    pub paragraphs: Vec<String>,
}

impl CommentView {
    pub fn new(comment: &Comment, lang: Lang, tz: Tz) -> CommentView {
        CommentView {
            id: comment.id,
            author: comment.author_name.clone(),
            date: format::date_time(lang, comment.created_at, tz),
            date_iso: format::iso(comment.created_at, tz),
            paragraphs: comment
                .body
                .split("\n\n")
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "blog/post.html")]
pub struct PostPage {
    pub ctx: PageCtx,
    pub card: PostCard,
    pub body_html: String,
    /// The other language's version, when one is published.
    pub translation: Option<Link>,
    pub comments: Vec<CommentView>,
    pub form: CommentForm,
    pub errors: FieldErrors,
    pub action: String,
    pub sidebar: Sidebar,
}

#[derive(Template)]
#[template(path = "blog/untranslated.html")]
pub struct UntranslatedPage {
    pub ctx: PageCtx,
    pub original: Link,
    pub original_lang: Lang,
}

/// A year of the archive.
#[derive(Debug, Clone)]
pub struct ArchiveYear {
    pub year: i32,
    pub months: Vec<CountedLink>,
}

#[derive(Template)]
#[template(path = "blog/archive.html")]
pub struct ArchivePage {
    pub ctx: PageCtx,
    pub years: Vec<ArchiveYear>,
    pub sidebar: Sidebar,
}
