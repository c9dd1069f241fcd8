//! Atom 1.0 feeds: one per language and one per category. Entry ids are the posts'
//! stored `urn:uuid:` guids, so editing a post never makes it look new.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};

use super::categories::{CategoryLookup, find_category, moved};
use super::model::Post;
use super::pages::byline;
use super::queries::{self, Listing};
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Lang;

const ENTRIES: i64 = 20;

fn lang_of(raw: &str) -> Result<Lang, AppError> {
    raw.parse().map_err(|()| AppError::NotFound)
}

fn utc(t: NaiveDateTime) -> DateTime<FixedOffset> {
    DateTime::<Utc>::from_naive_utc_and_offset(t, Utc).fixed_offset()
}

fn link(href: String, rel: &str, mime: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(mime.to_string()));
    link
}

struct FeedSpec {
    lang: Lang,
    title: String,
    self_path: String,
    html_path: String,
    listing: Listing,
}

async fn render_feed(state: &AppState, spec: FeedSpec) -> Result<HttpResponse, AppError> {
    let lang = spec.lang;
    let listing = spec.listing;
    let (posts, extras) = state
        .db
        .run(move |conn| {
            let posts = queries::list(conn, lang, listing, 0, ENTRIES)?;
            let extras = queries::extras(conn, &posts)?;
            Ok((posts, extras))
        })
        .await?;
    let base = &state.config.base_url;
    let entries: Vec<Entry> = posts
        .iter()
        .map(|post: &Post| {
            let mut entry = Entry::default();
            entry.set_id(post.guid.clone());
            entry.set_title(Text::plain(post.title.clone()));
            entry.set_updated(utc(post
                .updated_at
                .max(post.published_at.unwrap_or(post.created_at))));
            entry.set_published(post.published_at.map(utc));
            entry.set_links(vec![link(
                format!("{base}{}", post.path()),
                "alternate",
                "text/html",
            )]);
            entry.set_summary(Some(Text::plain(post.excerpt.clone())));
            let mut content = Content::default();
            content.set_content_type(Some("html".to_string()));
            content.set_value(Some(post.body_html.clone()));
            entry.set_content(Some(content));
            let mut author = Person::default();
            author.set_name(byline(post, &extras, &state.config.site_name));
            entry.set_authors(vec![author]);
            entry.set_categories(
                extras
                    .categories
                    .get(&post.id)
                    .map(|cs| {
                        cs.iter()
                            .map(|c| {
                                let mut cat = atom_syndication::Category::default();
                                cat.set_term(c.slug(lang).to_string());
                                cat.set_label(Some(c.name(lang).to_string()));
                                cat
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default(),
            );
            entry
        })
        .collect();
    let updated = entries
        .iter()
        .map(|e| *e.updated())
        .max()
        .unwrap_or_else(|| utc(NaiveDateTime::default()));
    let mut feed = Feed::default();
    feed.set_id(format!("{base}{}", spec.html_path));
    feed.set_title(Text::plain(spec.title));
    feed.set_lang(Some(lang.code().to_string()));
    feed.set_updated(updated);
    feed.set_links(vec![
        link(
            format!("{base}{}", spec.self_path),
            "self",
            "application/atom+xml",
        ),
        link(
            format!("{base}{}", spec.html_path),
            "alternate",
            "text/html",
        ),
    ]);
    let mut author = Person::default();
    author.set_name(state.config.site_name.clone());
    author.set_uri(Some(format!("{base}/{lang}/")));
    feed.set_authors(vec![author]);
    let has_entries = !entries.is_empty();
    feed.set_entries(entries);
    let mut res = HttpResponse::Ok();
    res.insert_header((header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"));
    // Feed readers that only send If-Modified-Since: an edit or a new post moves it on.
    if has_entries {
        let modified = std::time::SystemTime::from(updated.with_timezone(&Utc));
        res.insert_header(header::LastModified(modified.into()));
    }
    Ok(res.body(feed.to_string()))
}

pub async fn feed(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let lang = lang_of(&path.into_inner())?;
    let spec = FeedSpec {
        lang,
        title: format!("{} – {}", state.config.site_name, lang.t("blog-title")),
        self_path: format!("/{lang}/feed.atom"),
        html_path: format!("/{lang}/blog/"),
        listing: Listing::All,
    };
    render_feed(&state, spec).await
}

pub async fn category_feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (lang, slug) = path.into_inner();
    let lang = lang_of(&lang)?;
    let category = match find_category(&state, &req, lang, slug, "feed.atom").await? {
        CategoryLookup::Found(category) => category,
        CategoryLookup::Moved(location) => return Ok(moved(&location)),
    };
    let html_path = category.path(lang);
    let spec = FeedSpec {
        lang,
        title: format!("{} – {}", state.config.site_name, category.name(lang)),
        self_path: format!("{html_path}feed.atom"),
        html_path,
        listing: Listing::Category(category.id),
    };
    render_feed(&state, spec).await
}
