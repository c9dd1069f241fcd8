//! A category's address in each language: found under the reader's language's slug, or
//! moved (301) there from the other language's, for listings and feeds alike.

use actix_web::{HttpRequest, HttpResponse};

use super::model::Category;
use super::queries;
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Lang;

/// The category of a listing or feed address: found under its slug in `lang`, or a
/// redirect (301) there when the address uses the other language's slug.
pub(super) enum CategoryLookup {
    Found(Category),
    Moved(String),
}

pub(super) async fn find_category(
    state: &AppState,
    req: &HttpRequest,
    lang: Lang,
    slug: String,
    tail: &'static str,
) -> Result<CategoryLookup, AppError> {
    let lookup = slug.clone();
    let category = state
        .db
        .run(move |conn| Ok(queries::category_by_slug(conn, lang, &lookup)?))
        .await?
        .ok_or(AppError::NotFound)?;
    if category.slug(lang) == slug {
        return Ok(CategoryLookup::Found(category));
    }
    let mut location = format!("{}{tail}", category.path(lang));
    if !req.query_string().is_empty() {
        location.push('?');
        location.push_str(req.query_string());
    }
    Ok(CategoryLookup::Moved(location))
}

/// 301 to `location`, a path built from stored slugs.
pub(super) fn moved(location: &str) -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header((actix_web::http::header::LOCATION, location.to_string()))
        .finish()
}
