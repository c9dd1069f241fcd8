//! Blog queries. Each takes a connection and returns `QueryResult`.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::model::{
    Category, CategoryInput, Comment, CommentStatus, NewPost, Post, PostStatus, Tag,
};
use crate::clock::now;
use crate::db::DbConn;
use crate::db::schema::{
    categories, comments, event_posts, organizers, post_categories, post_tags, posts, tags,
};
use crate::i18n::Lang;

/// Which published posts a listing shows.
#[derive(Debug, Clone, Copy)]
pub enum Listing {
    All,
    Category(i64),
    Tag(i64),
    /// Published within `[from, to)` (UTC).
    Between(NaiveDateTime, NaiveDateTime),
}

type BoxedPosts<'a> = posts::BoxedQuery<'a, <DbConn as diesel::Connection>::Backend>;

/// Published posts of `lang` whose time has come.
fn visible<'a>(lang: Lang) -> BoxedPosts<'a> {
    posts::table
        .filter(posts::lang.eq(lang))
        .filter(posts::status.eq(PostStatus::Published))
        .filter(posts::published_at.le(now()))
        .into_boxed()
}

fn listed<'a>(lang: Lang, listing: Listing) -> BoxedPosts<'a> {
    let query = visible(lang);
    match listing {
        Listing::All => query,
        Listing::Category(id) => query.filter(
            posts::id.eq_any(
                post_categories::table
                    .filter(post_categories::category_id.eq(id))
                    .select(post_categories::post_id),
            ),
        ),
        Listing::Tag(id) => query.filter(
            posts::id.eq_any(
                post_tags::table
                    .filter(post_tags::tag_id.eq(id))
                    .select(post_tags::post_id),
            ),
        ),
        Listing::Between(from, to) => query
            .filter(posts::published_at.ge(from))
            .filter(posts::published_at.lt(to)),
    }
}

pub fn count_listed(conn: &mut DbConn, lang: Lang, listing: Listing) -> QueryResult<i64> {
    listed(lang, listing).count().get_result(conn)
}

/// One page of a listing, newest first.
pub fn list(
    conn: &mut DbConn,
    lang: Lang,
    listing: Listing,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<Post>> {
    listed(lang, listing)
        .order((posts::published_at.desc(), posts::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(Post::as_select())
        .load(conn)
}

/// What a listing shows next to each post, loaded for the whole page at once.
#[derive(Debug, Default)]
pub struct PostExtras {
    pub authors: HashMap<i64, String>,
    pub categories: HashMap<i64, Vec<Category>>,
    pub tags: HashMap<i64, Vec<Tag>>,
    pub comment_counts: HashMap<i64, i64>,
}

pub fn extras(conn: &mut DbConn, posts: &[Post]) -> QueryResult<PostExtras> {
    let ids: Vec<i64> = posts.iter().map(|p| p.id).collect();
    let author_ids: Vec<i64> = posts.iter().map(|p| p.author_id).collect();
    let authors = organizers::table
        .filter(organizers::id.eq_any(&author_ids))
        .select((organizers::id, organizers::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut by_post_categories: HashMap<i64, Vec<Category>> = HashMap::new();
    for (post_id, category) in post_categories::table
        .inner_join(categories::table)
        .filter(post_categories::post_id.eq_any(&ids))
        .order(categories::slug_de)
        .select((post_categories::post_id, Category::as_select()))
        .load::<(i64, Category)>(conn)?
    {
        by_post_categories
            .entry(post_id)
            .or_default()
            .push(category);
    }
    let mut by_post_tags: HashMap<i64, Vec<Tag>> = HashMap::new();
    for (post_id, tag) in post_tags::table
        .inner_join(tags::table)
        .filter(post_tags::post_id.eq_any(&ids))
        .order(tags::name)
        .select((post_tags::post_id, Tag::as_select()))
        .load::<(i64, Tag)>(conn)?
    {
        by_post_tags.entry(post_id).or_default().push(tag);
    }
    let comment_counts = comments::table
        .filter(comments::post_id.eq_any(&ids))
        .filter(comments::status.eq(CommentStatus::Approved))
        .group_by(comments::post_id)
        .select((comments::post_id, count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    Ok(PostExtras {
        authors,
        categories: by_post_categories,
        tags: by_post_tags,
        comment_counts,
    })
}

pub fn find_visible(conn: &mut DbConn, lang: Lang, slug: &str) -> QueryResult<Option<Post>> {
    visible(lang)
        .filter(posts::slug.eq(slug))
        .select(Post::as_select())
        .first(conn)
        .optional()
}

/// The published translation of `post`, if any.
pub fn visible_translation(conn: &mut DbConn, post: &Post) -> QueryResult<Option<Post>> {
    let Some(key) = &post.translation_key else {
        return Ok(None);
    };
    visible(post.lang.other())
        .filter(posts::translation_key.eq(key))
        .select(Post::as_select())
        .first(conn)
        .optional()
}

pub fn approved_comments(conn: &mut DbConn, post_id: i64) -> QueryResult<Vec<Comment>> {
    comments::table
        .filter(comments::post_id.eq(post_id))
        .filter(comments::status.eq(CommentStatus::Approved))
        .order((comments::created_at.asc(), comments::id.asc()))
        .select(Comment::as_select())
        .load(conn)
}

/// The category whose slug in `lang` is `slug`, else the one whose slug in the other
/// language is (an address shared across languages, to be redirected).
pub fn category_by_slug(
    conn: &mut DbConn,
    lang: Lang,
    slug: &str,
) -> QueryResult<Option<Category>> {
    let by = |conn: &mut DbConn, lang: Lang| {
        let query = categories::table.select(Category::as_select()).into_boxed();
        match lang {
            Lang::De => query.filter(categories::slug_de.eq(slug)),
            Lang::En => query.filter(categories::slug_en.eq(slug)),
        }
        .first(conn)
        .optional()
    };
    match by(conn, lang)? {
        Some(category) => Ok(Some(category)),
        None => by(conn, lang.other()),
    }
}

pub fn category_by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<Category>> {
    categories::table
        .find(id)
        .select(Category::as_select())
        .first(conn)
        .optional()
}

pub fn tag_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Tag>> {
    tags::table
        .filter(tags::slug.eq(slug))
        .select(Tag::as_select())
        .first(conn)
        .optional()
}

pub fn all_categories(conn: &mut DbConn) -> QueryResult<Vec<Category>> {
    categories::table
        .order(categories::slug_de)
        .select(Category::as_select())
        .load(conn)
}

/// Categories with the number of visible posts of `lang` in each (only non-empty ones).
pub fn categories_with_counts(conn: &mut DbConn, lang: Lang) -> QueryResult<Vec<(Category, i64)>> {
    let counts: HashMap<i64, i64> = post_categories::table
        .inner_join(posts::table)
        .filter(posts::lang.eq(lang))
        .filter(posts::status.eq(PostStatus::Published))
        .filter(posts::published_at.le(now()))
        .group_by(post_categories::category_id)
        .select((post_categories::category_id, count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    Ok(all_categories(conn)?
        .into_iter()
        .filter_map(|c| counts.get(&c.id).map(|n| (c, *n)))
        .collect())
}

/// Tags with the number of visible posts of `lang` (only used ones).
pub fn tags_with_counts(conn: &mut DbConn, lang: Lang) -> QueryResult<Vec<(Tag, i64)>> {
    let counts: HashMap<i64, i64> = post_tags::table
        .inner_join(posts::table)
        .filter(posts::lang.eq(lang))
        .filter(posts::status.eq(PostStatus::Published))
        .filter(posts::published_at.le(now()))
        .group_by(post_tags::tag_id)
        .select((post_tags::tag_id, count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    Ok(tags::table
        .order(tags::name)
        .select(Tag::as_select())
        .load(conn)?
        .into_iter()
        .filter_map(|t| counts.get(&t.id).map(|n| (t, *n)))
        .collect())
}

/// Publication times of all visible posts of `lang`; the archive groups them by
/// local month in Rust, which keeps the SQL the same on both backends.
pub fn publication_times(conn: &mut DbConn, lang: Lang) -> QueryResult<Vec<NaiveDateTime>> {
    Ok(visible(lang)
        .select(posts::published_at)
        .load::<Option<NaiveDateTime>>(conn)?
        .into_iter()
        .flatten()
        .collect())
}

/// Every visible post of both languages, for the sitemap.
pub fn all_visible(conn: &mut DbConn) -> QueryResult<Vec<Post>> {
    let mut all = visible(Lang::De).select(Post::as_select()).load(conn)?;
    all.extend(visible(Lang::En).select(Post::as_select()).load(conn)?);
    Ok(all)
}

/// Whether `email` already has an approved comment: such people are trusted.
pub fn is_trusted_commenter(conn: &mut DbConn, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        comments::table
            .filter(comments::author_email.eq(email))
            .filter(comments::status.eq(CommentStatus::Approved)),
    ))
    .get_result(conn)
}

/// Stores a comment, approved right away for trusted commenters, else held for moderation.
pub fn add_comment(
    conn: &mut DbConn,
    post_id: i64,
    name: &str,
    email: &str,
    body: &str,
) -> QueryResult<(i64, CommentStatus)> {
    conn.transaction(|conn| {
        let status = if is_trusted_commenter(conn, email)? {
            CommentStatus::Approved
        } else {
            CommentStatus::Pending
        };
        let id = diesel::insert_into(comments::table)
            .values((
                comments::post_id.eq(post_id),
                comments::author_name.eq(name),
                comments::author_email.eq(email),
                comments::body.eq(body),
                comments::status.eq(status.as_str()),
                comments::created_at.eq(now()),
            ))
            .returning(comments::id)
            .get_result(conn)?;
        Ok((id, status))
    })
}

// ---- organizer side ----

pub fn post_by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<Post>> {
    posts::table
        .find(id)
        .select(Post::as_select())
        .first(conn)
        .optional()
}

/// All posts for the admin list, newest first.
pub fn all_posts(conn: &mut DbConn) -> QueryResult<Vec<Post>> {
    posts::table
        .order((posts::updated_at.desc(), posts::id.desc()))
        .select(Post::as_select())
        .load(conn)
}

/// Posts of `lang` an organizer may link as a translation.
pub fn posts_in(conn: &mut DbConn, lang: Lang) -> QueryResult<Vec<Post>> {
    posts::table
        .filter(posts::lang.eq(lang))
        .order(posts::title)
        .select(Post::as_select())
        .load(conn)
}

/// The post linked as `post`'s translation, published or not.
pub fn translation_of(conn: &mut DbConn, post: &Post) -> QueryResult<Option<Post>> {
    let Some(key) = &post.translation_key else {
        return Ok(None);
    };
    posts::table
        .filter(posts::translation_key.eq(key))
        .filter(posts::id.ne(post.id))
        .select(Post::as_select())
        .first(conn)
        .optional()
}

/// The event a post belongs to, if any.
pub fn event_of(conn: &mut DbConn, post_id: i64) -> QueryResult<Option<i64>> {
    event_posts::table
        .filter(event_posts::post_id.eq(post_id))
        .select(event_posts::event_id)
        .first(conn)
        .optional()
}

pub fn category_ids(conn: &mut DbConn, post_id: i64) -> QueryResult<Vec<i64>> {
    post_categories::table
        .filter(post_categories::post_id.eq(post_id))
        .select(post_categories::category_id)
        .load(conn)
}

pub fn tag_names(conn: &mut DbConn, post_id: i64) -> QueryResult<Vec<String>> {
    post_tags::table
        .inner_join(tags::table)
        .filter(post_tags::post_id.eq(post_id))
        .order(tags::name)
        .select(tags::name)
        .load(conn)
}

/// Everything an organizer sets on a post, validated.
#[derive(Debug, Clone)]
pub struct PostInput {
    pub lang: Lang,
    pub slug: String,
    pub title: String,
    pub excerpt: String,
    pub body_md: String,
    pub body_html: String,
    pub status: PostStatus,
    pub published_at: Option<NaiveDateTime>,
    pub category_ids: Vec<i64>,
    /// (slug, display name)
    pub tags: Vec<(String, String)>,
    pub translation_id: Option<i64>,
    /// The event this post announces or recaps.
    pub event_id: Option<i64>,
    /// Signed by the team rather than by its author.
    pub by_team: bool,
}

/// Creates (`id` = None) or updates a post with its categories, tags and translation link,
/// all in one transaction.
pub fn save_post(
    conn: &mut DbConn,
    id: Option<i64>,
    author_id: i64,
    input: &PostInput,
) -> QueryResult<i64> {
    conn.transaction(|conn| {
        let now = now();
        let id = match id {
            None => diesel::insert_into(posts::table)
                .values(NewPost {
                    guid: &format!("urn:uuid:{}", crate::tokens::random_uuid()),
                    lang: input.lang,
                    slug: &input.slug,
                    title: &input.title,
                    excerpt: &input.excerpt,
                    body_md: &input.body_md,
                    body_html: &input.body_html,
                    status: input.status,
                    published_at: input.published_at,
                    author_id,
                    created_at: now,
                    updated_at: now,
                    by_team: input.by_team,
                })
                .returning(posts::id)
                .get_result(conn)?,
            Some(id) => {
                diesel::update(posts::table.find(id))
                    .set((
                        posts::lang.eq(input.lang),
                        posts::slug.eq(&input.slug),
                        posts::title.eq(&input.title),
                        posts::excerpt.eq(&input.excerpt),
                        posts::body_md.eq(&input.body_md),
                        posts::body_html.eq(&input.body_html),
                        posts::status.eq(input.status.as_str()),
                        posts::published_at.eq(input.published_at),
                        posts::updated_at.eq(now),
                        posts::by_team.eq(input.by_team),
                    ))
                    .execute(conn)?;
                id
            }
        };
        diesel::delete(post_categories::table.filter(post_categories::post_id.eq(id)))
            .execute(conn)?;
        // One row at a time: diesel's MultiBackend has no multi-row insert.
        for category_id in &input.category_ids {
            diesel::insert_into(post_categories::table)
                .values((
                    post_categories::post_id.eq(id),
                    post_categories::category_id.eq(*category_id),
                ))
                .execute(conn)?;
        }
        diesel::delete(post_tags::table.filter(post_tags::post_id.eq(id))).execute(conn)?;
        for (slug, name) in &input.tags {
            let tag_id = ensure_tag(conn, slug, name)?;
            diesel::insert_into(post_tags::table)
                .values((post_tags::post_id.eq(id), post_tags::tag_id.eq(tag_id)))
                .execute(conn)?;
        }
        link_translation(conn, id, input.translation_id)?;
        diesel::delete(event_posts::table.filter(event_posts::post_id.eq(id))).execute(conn)?;
        if let Some(event_id) = input.event_id {
            diesel::insert_into(event_posts::table)
                .values((
                    event_posts::event_id.eq(event_id),
                    event_posts::post_id.eq(id),
                ))
                .execute(conn)?;
        }
        Ok(id)
    })
}

fn ensure_tag(conn: &mut DbConn, slug: &str, name: &str) -> QueryResult<i64> {
    if let Some(tag) = tag_by_slug(conn, slug)? {
        return Ok(tag.id);
    }
    diesel::insert_into(tags::table)
        .values((tags::slug.eq(slug), tags::name.eq(name)))
        .returning(tags::id)
        .get_result(conn)
}

/// Makes `post_id` and `other_id` each other's translation (or unlinks `post_id`).
/// Whatever either was linked to before is unlinked, so a pair stays a pair.
fn link_translation(conn: &mut DbConn, post_id: i64, other_id: Option<i64>) -> QueryResult<()> {
    let post = posts::table
        .find(post_id)
        .select(Post::as_select())
        .first(conn)?;
    let current = translation_of(conn, &post)?;
    if current.as_ref().map(|p| p.id) == other_id {
        return Ok(());
    }
    let unlink = |conn: &mut DbConn, id: i64| {
        diesel::update(posts::table.find(id))
            .set(posts::translation_key.eq(None::<String>))
            .execute(conn)
    };
    unlink(conn, post_id)?;
    if let Some(current) = current {
        unlink(conn, current.id)?;
    }
    let Some(other_id) = other_id else {
        return Ok(());
    };
    let other = posts::table
        .find(other_id)
        .select(Post::as_select())
        .first(conn)?;
    if let Some(old_partner) = translation_of(conn, &other)? {
        unlink(conn, old_partner.id)?;
    }
    let key = crate::tokens::random_uuid();
    diesel::update(posts::table.filter(posts::id.eq_any([post_id, other_id])))
        .set(posts::translation_key.eq(&key))
        .execute(conn)?;
    Ok(())
}

pub fn unpublish(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::update(posts::table.find(id))
        .set((
            posts::status.eq(PostStatus::Draft),
            posts::updated_at.eq(now()),
        ))
        .execute(conn)
}

pub fn delete_post(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::delete(posts::table.find(id)).execute(conn)
}

pub fn slug_taken(
    conn: &mut DbConn,
    lang: Lang,
    slug: &str,
    except: Option<i64>,
) -> QueryResult<bool> {
    let ids: Vec<i64> = posts::table
        .filter(posts::lang.eq(lang))
        .filter(posts::slug.eq(slug))
        .select(posts::id)
        .load(conn)?;
    Ok(ids.into_iter().any(|id| Some(id) != except))
}

pub fn count_comments(conn: &mut DbConn, status: CommentStatus) -> QueryResult<i64> {
    comments::table
        .filter(comments::status.eq(status.as_str()))
        .count()
        .get_result(conn)
}

/// Comments in one moderation state with their post, newest first.
pub fn comments_in(
    conn: &mut DbConn,
    status: CommentStatus,
    limit: i64,
) -> QueryResult<Vec<(Comment, Post)>> {
    comments::table
        .inner_join(posts::table)
        .filter(comments::status.eq(status.as_str()))
        .order((comments::created_at.desc(), comments::id.desc()))
        .limit(limit)
        .select((Comment::as_select(), Post::as_select()))
        .load(conn)
}

pub fn set_comment_status(conn: &mut DbConn, id: i64, status: CommentStatus) -> QueryResult<usize> {
    diesel::update(comments::table.find(id))
        .set(comments::status.eq(status.as_str()))
        .execute(conn)
}

pub fn comment_by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<Comment>> {
    comments::table
        .find(id)
        .select(Comment::as_select())
        .first(conn)
        .optional()
}

pub fn delete_comment(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::delete(comments::table.find(id)).execute(conn)
}

pub fn create_category(conn: &mut DbConn, input: &CategoryInput) -> QueryResult<i64> {
    diesel::insert_into(categories::table)
        .values((
            categories::slug_de.eq(&input.slug_de),
            categories::slug_en.eq(&input.slug_en),
            categories::name_de.eq(&input.name_de),
            categories::name_en.eq(&input.name_en),
        ))
        .returning(categories::id)
        .get_result(conn)
}

/// Whether another category than `except` has `slug` in `lang`.
pub fn category_slug_taken(
    conn: &mut DbConn,
    lang: Lang,
    slug: &str,
    except: Option<i64>,
) -> QueryResult<bool> {
    let query = categories::table.select(categories::id).into_boxed();
    let ids: Vec<i64> = match lang {
        Lang::De => query.filter(categories::slug_de.eq(slug)),
        Lang::En => query.filter(categories::slug_en.eq(slug)),
    }
    .load(conn)?;
    Ok(ids.into_iter().any(|id| Some(id) != except))
}

pub fn update_category(conn: &mut DbConn, id: i64, input: &CategoryInput) -> QueryResult<usize> {
    diesel::update(categories::table.find(id))
        .set((
            categories::slug_de.eq(&input.slug_de),
            categories::slug_en.eq(&input.slug_en),
            categories::name_de.eq(&input.name_de),
            categories::name_en.eq(&input.name_en),
        ))
        .execute(conn)
}
