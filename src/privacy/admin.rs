//! Privacy requests: organizers export everything stored about one email address,
//! or erase it after a confirmation that says what will go and what stays.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::admin_ctx;
use crate::clock::now;
use crate::error::AppError;
use crate::mail::suppression;
use crate::privacy::queries::{self as privacy, Erased};
use crate::web::forms::{CsrfForm, Email, FieldErrors};
use crate::web::{PageCtx, render, render_status};

pub fn admin_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/privacy", web::get().to(form))
        .route("/privacy/export", web::post().to(export))
        .route("/privacy/erase", web::post().to(erase));
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
struct PrivacyForm {
    csrf: String,
    email: String,
    /// "yes" once the organizer saw what the erasure touches.
    confirm: String,
}

crate::web::forms::csrf_protected!(PrivacyForm);

#[derive(Template)]
#[template(path = "privacy/admin/privacy.html")]
struct FormPage {
    ctx: PageCtx,
    email: String,
    errors: FieldErrors,
    /// A Fluent key: why there is nothing to export or erase.
    notice: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "privacy/admin/confirm.html")]
struct ConfirmPage {
    ctx: PageCtx,
    email: String,
    counts: Erased,
}

#[derive(Template)]
#[template(path = "privacy/admin/done.html")]
struct DonePage {
    ctx: PageCtx,
    email: String,
    counts: Erased,
}

async fn form_page(
    state: &AppState,
    ctx: PageCtx,
    email: String,
    errors: FieldErrors,
    notice: Option<&'static str>,
) -> Result<HttpResponse, AppError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = FormPage {
        email,
        errors,
        notice,
        ctx: admin_ctx(state, ctx, "contacts").await?,
    };
    render_status(status, &page)
}

async fn form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
) -> Result<HttpResponse, AppError> {
    form_page(&state, ctx, String::new(), FieldErrors::default(), None).await
}

/// Checks the address; a bad one comes back as the form.
fn validate(form: &PrivacyForm) -> Result<Email, FieldErrors> {
    let mut errors = FieldErrors::default();
    errors.email("email", &form.email).ok_or(errors)
}

/// What is stored about an address, as far as the privacy page cares.
enum Stored {
    Data(Erased),
    /// Only the suppression list's hash: nothing to erase, but something to export.
    OnlySuppressed,
    Nothing,
}

async fn stored(state: &AppState, email: &Email) -> Result<Stored, AppError> {
    let address = email.as_str().to_string();
    state
        .db
        .run(move |conn| {
            let counts = privacy::look_up(conn, &address)?;
            Ok(if !counts.is_empty() {
                Stored::Data(counts)
            } else if suppression::reason_for(conn, &address)?.is_some() {
                Stored::OnlySuppressed
            } else {
                Stored::Nothing
            })
        })
        .await
}

async fn export(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    form: CsrfForm<PrivacyForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let email = match validate(&form) {
        Ok(email) => email,
        Err(errors) => return form_page(&state, ctx, form.email, errors, None).await,
    };
    if let Stored::Nothing = stored(&state, &email).await? {
        let notice = Some("privacy-admin-nothing");
        return form_page(&state, ctx, form.email, FieldErrors::default(), notice).await;
    }
    let address = email.as_str().to_string();
    let mut data = state
        .db
        .run(move |conn| Ok(privacy::export(conn, &address)?))
        .await?;
    let at = now();
    if let Some(object) = data.as_object_mut() {
        object.insert(
            "exported_at".into(),
            at.and_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                .into(),
        );
    }
    let body = serde_json::to_string_pretty(&data).map_err(|e| AppError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/json; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"privacy-{}.json\"",
                at.format("%Y-%m-%d")
            ),
        ))
        .body(body))
}

async fn erase(
    state: web::Data<AppState>,
    ctx: PageCtx,
    o: Organizer,
    form: CsrfForm<PrivacyForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let email = match validate(&form) {
        Ok(email) => email,
        Err(errors) => return form_page(&state, ctx, form.email, errors, None).await,
    };
    let counts = match stored(&state, &email).await? {
        Stored::Data(counts) => counts,
        Stored::OnlySuppressed => {
            let notice = Some("privacy-admin-nothing-suppressed");
            return form_page(&state, ctx, form.email, FieldErrors::default(), notice).await;
        }
        Stored::Nothing => {
            let notice = Some("privacy-admin-nothing");
            return form_page(&state, ctx, form.email, FieldErrors::default(), notice).await;
        }
    };
    let shown = email.as_str().to_string();
    if form.confirm != "yes" {
        let page = ConfirmPage {
            email: shown,
            counts,
            ctx: admin_ctx(&state, ctx, "contacts").await?,
        };
        return render(&page);
    }
    let address = shown.clone();
    let erased = state
        .db
        .run(move |conn| Ok(privacy::erase(conn, &address, now())?))
        .await?;
    // Who erased how much, for accountability; the address itself is not logged.
    tracing::info!(organizer = o.0.id, ?erased, "privacy erasure");
    let page = DonePage {
        email: shown,
        counts: erased,
        ctx: admin_ctx(&state, ctx, "contacts").await?,
    };
    render(&page)
}
