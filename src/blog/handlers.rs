//! HTTP handlers of the public blog.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;

use super::categories::{CategoryLookup, find_category, moved};
use super::feeds;
use super::forms::CommentForm;
use super::model::{CommentStatus, Post};
use super::pages::{
    ArchivePage, ArchiveYear, CommentView, CountedLink, ListingPage, PostPage, Sidebar,
    UntranslatedPage, archive_months, cards, category_link, month_link, tag_link,
};
use super::queries::{self, Listing};
use crate::AppState;
use crate::db::DbConn;
use crate::db::pagination::{Page, PageQuery};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::forms::CsrfForm;
use crate::web::nav::{Link, Pager};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, client_ip, rate_limit, render, render_status, see_other};

pub const PER_PAGE: i64 = 10;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/blog/", web::get().to(index))
        .route("/blog/{slug}/", web::get().to(show))
        .route("/blog/{slug}/comments", web::post().to(comment))
        .route("/category/{slug}/", web::get().to(category))
        .route(
            "/category/{slug}/feed.atom",
            web::get().to(feeds::category_feed),
        )
        .route("/tag/{slug}/", web::get().to(tag))
        .route("/archive/", web::get().to(archive))
        .route("/archive/{year}/{month}/", web::get().to(month))
        .route("/feed.atom", web::get().to(feeds::feed));
}

/// Loads the sidebar for a listing in `lang`.
pub fn sidebar(conn: &mut DbConn, lang: Lang, tz: Tz) -> Result<Sidebar, AppError> {
    let categories = queries::categories_with_counts(conn, lang)?
        .into_iter()
        .map(|(c, count)| CountedLink::new(category_link(lang, &c), count))
        .collect();
    let tags = queries::tags_with_counts(conn, lang)?
        .into_iter()
        .map(|(t, count)| CountedLink::new(tag_link(lang, &t), count))
        .collect();
    let months = archive_months(&queries::publication_times(conn, lang)?, tz)
        .into_iter()
        .take(12)
        .map(|(y, m, n)| month_link(lang, y, m, n))
        .collect();
    Ok(Sidebar {
        categories,
        tags,
        months,
        feed_href: format!("/{lang}/feed.atom"),
    })
}

struct ListingSpec {
    listing: Listing,
    heading: String,
    intro: Option<String>,
    base_path: String,
    feed_href: Option<String>,
}

async fn listing_page(
    state: &AppState,
    ctx: PageCtx,
    query: &PageQuery,
    spec: ListingSpec,
) -> Result<HttpResponse, AppError> {
    let number = query.number().ok_or(AppError::NotFound)?;
    let lang = ctx.lang;
    let tz = state.config.timezone;
    let site = state.config.site_name.clone();
    let (page, cards, sidebar) = state
        .db
        .run(move |conn| {
            let total = queries::count_listed(conn, lang, spec.listing)?;
            let page = Page::new(number, PER_PAGE, total).ok_or(AppError::NotFound)?;
            let posts = queries::list(conn, lang, spec.listing, page.offset(), PER_PAGE)?;
            let extras = queries::extras(conn, &posts)?;
            Ok((
                page,
                cards(&posts, &extras, tz, &site),
                sidebar(conn, lang, tz)?,
            ))
        })
        .await?;
    render(&ListingPage {
        ctx: ctx.with_section("blog"),
        heading: spec.heading,
        intro: spec.intro,
        cards,
        pager: Pager::new(&page, &spec.base_path),
        sidebar,
        feed_href: spec.feed_href,
    })
}

async fn index(
    state: web::Data<AppState>,
    ctx: PageCtx,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let spec = ListingSpec {
        listing: Listing::All,
        heading: ctx.t("blog-title"),
        intro: Some(ctx.t("blog-intro")),
        base_path: format!("/{lang}/blog/"),
        feed_href: Some(format!("/{lang}/feed.atom")),
    };
    listing_page(&state, ctx, &query, spec).await
}

async fn category(
    req: HttpRequest,
    state: web::Data<AppState>,
    mut ctx: PageCtx,
    path: web::Path<(String, String)>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let lang = ctx.lang;
    let category = match find_category(&state, &req, lang, slug, "").await? {
        CategoryLookup::Found(category) => category,
        CategoryLookup::Moved(location) => return Ok(moved(&location)),
    };
    ctx.set_versions(Some(category.path(Lang::De)), Some(category.path(Lang::En)));
    let base_path = category.path(lang);
    let spec = ListingSpec {
        listing: Listing::Category(category.id),
        heading: ctx.ta("category-heading", "name", category.name(lang)),
        intro: None,
        feed_href: Some(format!("{base_path}feed.atom")),
        base_path,
    };
    listing_page(&state, ctx, &query, spec).await
}

async fn tag(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String)>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let lang = ctx.lang;
    let lookup = slug.clone();
    let tag = state
        .db
        .run(move |conn| Ok(queries::tag_by_slug(conn, &lookup)?))
        .await?
        .ok_or(AppError::NotFound)?;
    let spec = ListingSpec {
        listing: Listing::Tag(tag.id),
        heading: ctx.ta("tag-heading", "name", &tag.name),
        intro: None,
        base_path: format!("/{lang}/tag/{slug}/"),
        feed_href: None,
    };
    listing_page(&state, ctx, &query, spec).await
}

async fn month(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String, String)>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, year, month) = path.into_inner();
    let year: i32 = year.parse().map_err(|_| AppError::NotFound)?;
    let month: u32 = month.parse().map_err(|_| AppError::NotFound)?;
    let tz = state.config.timezone;
    let (from, to) = month_bounds(year, month, tz).ok_or(AppError::NotFound)?;
    let lang = ctx.lang;
    let spec = ListingSpec {
        listing: Listing::Between(from, to),
        heading: ctx.ta(
            "archive-month-heading",
            "month",
            &crate::i18n::format::month_year(lang, year, month),
        ),
        intro: None,
        base_path: format!("/{lang}/archive/{year}/{month:02}/"),
        feed_href: None,
    };
    listing_page(&state, ctx, &query, spec).await
}

/// The UTC instants where a local calendar month starts and ends.
fn month_bounds(
    year: i32,
    month: u32,
    tz: Tz,
) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
    if !(1970..=9999).contains(&year) {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let utc = |d: NaiveDate| {
        tz.from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
            .earliest()
            .map(|t| t.naive_utc())
    };
    Some((utc(start)?, utc(end)?))
}

async fn archive(state: web::Data<AppState>, ctx: PageCtx) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let tz = state.config.timezone;
    let (months, sidebar) = state
        .db
        .run(move |conn| {
            let times = queries::publication_times(conn, lang)?;
            Ok((archive_months(&times, tz), sidebar(conn, lang, tz)?))
        })
        .await?;
    let mut years: Vec<ArchiveYear> = Vec::new();
    for (year, month, count) in months {
        let link = month_link(lang, year, month, count);
        match years.last_mut() {
            Some(last) if last.year == year => last.months.push(link),
            _ => years.push(ArchiveYear {
                year,
                months: vec![link],
            }),
        }
    }
    render(&ArchivePage {
        ctx: ctx.with_section("archive"),
        years,
        sidebar,
    })
}

struct PostData {
    post: Post,
    translation: Option<Post>,
    comments: Vec<super::model::Comment>,
    extras: queries::PostExtras,
    sidebar: Sidebar,
}

enum Lookup {
    Found(Box<PostData>),
    /// Not in this language, but published in the other one.
    OtherLanguage(Box<Post>),
}

async fn load_post(state: &AppState, lang: Lang, slug: String) -> Result<Lookup, AppError> {
    let tz = state.config.timezone;
    state
        .db
        .run(move |conn| {
            let Some(post) = queries::find_visible(conn, lang, &slug)? else {
                return queries::find_visible(conn, lang.other(), &slug)?
                    .map(|p| Lookup::OtherLanguage(Box::new(p)))
                    .ok_or(AppError::NotFound);
            };
            let translation = queries::visible_translation(conn, &post)?;
            let comments = queries::approved_comments(conn, post.id)?;
            let extras = queries::extras(conn, std::slice::from_ref(&post))?;
            let sidebar = sidebar(conn, lang, tz)?;
            Ok(Lookup::Found(Box::new(PostData {
                post,
                translation,
                comments,
                extras,
                sidebar,
            })))
        })
        .await
}

async fn show(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    post_page(
        &state,
        ctx,
        slug,
        CommentForm::default(),
        Default::default(),
    )
    .await
}

async fn post_page(
    state: &AppState,
    mut ctx: PageCtx,
    slug: String,
    form: CommentForm,
    errors: crate::web::forms::FieldErrors,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let tz = state.config.timezone;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let data = match load_post(state, lang, slug).await? {
        Lookup::Found(data) => data,
        Lookup::OtherLanguage(original) => {
            ctx.set_versions(
                (original.lang == Lang::De).then(|| original.path()),
                (original.lang == Lang::En).then(|| original.path()),
            );
            let page = UntranslatedPage {
                original: Link {
                    href: original.path(),
                    label: original.title.clone(),
                },
                original_lang: original.lang,
                ctx: ctx.with_section("blog"),
            };
            return render_status(StatusCode::NOT_FOUND, &page);
        }
    };
    let PostData {
        post,
        translation,
        comments,
        extras,
        sidebar,
    } = *data;
    let own = Some(post.path());
    let other = translation.as_ref().map(Post::path);
    match lang {
        Lang::De => ctx.set_versions(own, other),
        Lang::En => ctx.set_versions(other, own),
    }
    let card = cards(
        std::slice::from_ref(&post),
        &extras,
        tz,
        &state.config.site_name,
    )
    .pop()
    .ok_or(AppError::NotFound)?;
    let page = PostPage {
        translation: translation.map(|t| Link {
            href: t.path(),
            label: t.title,
        }),
        comments: comments
            .iter()
            .map(|c| CommentView::new(c, lang, tz))
            .collect(),
        action: format!("{}comments", post.path()),
        body_html: post.body_html,
        card,
        form,
        errors,
        sidebar,
        ctx: ctx.with_section("blog"),
    };
    render_status(status, &page)
}

async fn comment(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String)>,
    form: CsrfForm<CommentForm>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let lang = ctx.lang;
    let post_path = super::model::post_path(lang, &slug);
    let form = form.into_inner();
    if form.is_bot() {
        // Bots are told the same as people whose comment awaits moderation.
        session::flash(&session, FlashKind::Success, "comment-held");
        return Ok(see_other(&format!("{post_path}#comments")));
    }
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => return post_page(&state, ctx, slug, form, errors).await,
    };
    let ip = client_ip(&req, &state.config.trusted_proxies);
    let lookup = slug.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let post = queries::find_visible(conn, lang, &lookup)?.ok_or(AppError::NotFound)?;
            if !rate_limit::COMMENTS.take(conn, &ip)? {
                return Ok(None);
            }
            let added = queries::add_comment(
                conn,
                post.id,
                &valid.name,
                valid.email.as_str(),
                &valid.body,
            )?;
            Ok(Some(added))
        })
        .await?;
    match outcome {
        None => {
            let mut errors = crate::web::forms::FieldErrors::default();
            errors.add("body", "error-rate-limited");
            let mut res = post_page(&state, ctx, slug, form, errors).await?;
            *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            Ok(res)
        }
        Some((id, CommentStatus::Approved)) => {
            session::flash(&session, FlashKind::Success, "comment-published");
            Ok(see_other(&format!("{post_path}#comment-{id}")))
        }
        Some(_) => {
            session::flash(&session, FlashKind::Success, "comment-held");
            Ok(see_other(&format!("{post_path}#comments")))
        }
    }
}
