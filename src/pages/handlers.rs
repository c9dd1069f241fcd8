//! The public side: a page at `/{lang}/{slug}/`.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::model::Page;
use super::queries;
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::{PageCtx, redirect, render};

/// Mounted last under `/{lang}/`, so every feature's own route matches first.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/{slug}/", web::get().to(show));
}

#[derive(Template)]
#[template(path = "pages/page.html")]
struct PageView {
    ctx: PageCtx,
    title: String,
    body_html: String,
}

/// What a slug leads to in a language.
enum Found {
    Page(Box<(Page, Option<Page>)>),
    /// The slug is the other language's: its translation is here.
    Moved(String),
}

async fn show(
    state: web::Data<AppState>,
    mut ctx: PageCtx,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let lang = ctx.lang;
    let found = state
        .db
        .run(move |conn| {
            if let Some(page) = queries::by_slug(conn, lang, &slug)?.filter(Page::is_published) {
                let translation = queries::translation_of(conn, &page)?.filter(Page::is_published);
                return Ok(Found::Page(Box::new((page, translation))));
            }
            // An address with the other language's slug (`/de/privacy/`) finds its translation.
            let other = queries::by_slug(conn, lang.other(), &slug)?.filter(Page::is_published);
            let translation = match other {
                Some(other) => queries::translation_of(conn, &other)?,
                None => None,
            };
            match translation.filter(Page::is_published) {
                Some(here) => Ok(Found::Moved(here.path())),
                None => Err(AppError::NotFound),
            }
        })
        .await?;
    let (page, translation) = match found {
        Found::Page(found) => *found,
        Found::Moved(to) => return Ok(redirect::permanent(&to)),
    };
    let (mine, theirs) = (Some(page.path()), translation.as_ref().map(Page::path));
    match lang {
        Lang::De => ctx.set_versions(mine, theirs),
        Lang::En => ctx.set_versions(theirs, mine),
    }
    if translation.is_none() {
        ctx.switch_href = crate::web::lang::switch_href(&format!("/{}/", lang.other()));
    }
    render(&PageView {
        ctx,
        title: page.title,
        body_html: page.body_html,
    })
}
