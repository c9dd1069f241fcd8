//! Logging in and out, and the `Organizer` extractor that guards every admin page.

use std::future::{Ready, ready};

use actix_session::{Session, SessionExt};
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload, web};
use askama::Template;
use serde::Deserialize;

use super::organizers;
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::forms::{CsrfOnly, Email, FieldErrors};
use crate::web::session::{self, FlashKind, SessionOrganizer};
use crate::web::{PageCtx, client_ip, rate_limit, render, render_status, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(login_form))
        .route("/login", web::post().to(login))
        .route("/logout", web::post().to(logout))
        .route("/lang", web::post().to(change_lang));
}

/// A logged-in organizer; handlers that take it are closed to everyone else.
#[derive(Debug, Clone)]
pub struct Organizer(pub SessionOrganizer);

impl FromRequest for Organizer {
    type Error = AppError;
    type Future = Ready<Result<Organizer, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            session::organizer(&req.get_session())
                .map(Organizer)
                .ok_or(AppError::LoginRequired),
        )
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    csrf: String,
}

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    ctx: PageCtx,
    email: String,
    errors: FieldErrors,
}

async fn login_form(ctx: PageCtx, session: Session) -> Result<HttpResponse, AppError> {
    if session::organizer(&session).is_some() {
        return Ok(see_other("/admin/"));
    }
    render(&LoginPage {
        ctx: ctx.with_section("login"),
        email: String::new(),
        errors: FieldErrors::default(),
    })
}

enum LoginOutcome {
    Ok(SessionOrganizer),
    Wrong,
    Throttled,
}

async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    session::verify_csrf(&session, &form.csrf)?;
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    if form.email.trim().is_empty() {
        errors.add("email", "error-required");
    }
    if form.password.is_empty() {
        errors.add("password", "error-required");
    }
    if form.password.len() > 1024 || form.email.len() > 254 {
        errors.add("password", "login-failed");
    }
    if !errors.is_empty() {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &LoginPage {
                ctx: ctx.with_section("login"),
                email: form.email,
                errors,
            },
        );
    }
    let email = Email::parse(&form.email)
        .map(|e| e.as_str().to_string())
        .unwrap_or_else(|| form.email.trim().to_lowercase());
    let ip_key = format!("ip:{}", client_ip(&req, state.config.trust_proxy));
    let email_key = format!("email:{email}");
    let password = form.password.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let limit = rate_limit::LOGIN_FAILURES;
            if limit.exceeded(conn, &ip_key)? || limit.exceeded(conn, &email_key)? {
                return Ok(LoginOutcome::Throttled);
            }
            let found = organizers::by_email(conn, &email)?;
            let stored = found
                .as_ref()
                .map_or(organizers::decoy_hash(), |o| o.password_hash.as_str());
            let matches = organizers::verify_password(&password, stored);
            match found {
                Some(o) if matches => {
                    limit.clear(conn, &email_key)?;
                    Ok(LoginOutcome::Ok(SessionOrganizer {
                        id: o.id,
                        lang: o.lang(),
                        name: o.name,
                    }))
                }
                _ => {
                    limit.record(conn, &ip_key)?;
                    limit.record(conn, &email_key)?;
                    Ok(LoginOutcome::Wrong)
                }
            }
        })
        .await?;
    let (status, key) = match outcome {
        LoginOutcome::Ok(who) => {
            session::log_in(&session, who)?;
            return Ok(see_other("/admin/"));
        }
        LoginOutcome::Wrong => (StatusCode::UNPROCESSABLE_ENTITY, "login-failed"),
        LoginOutcome::Throttled => (StatusCode::TOO_MANY_REQUESTS, "login-throttled"),
    };
    let mut errors = FieldErrors::default();
    errors.add("password", key);
    render_status(
        status,
        &LoginPage {
            ctx: ctx.with_section("login"),
            email: form.email,
            errors,
        },
    )
}

async fn logout(session: Session, form: web::Form<CsrfOnly>) -> Result<HttpResponse, AppError> {
    session::verify_csrf(&session, &form.csrf)?;
    session::log_out(&session);
    Ok(see_other("/admin/login"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LangForm {
    csrf: String,
    lang: String,
}

async fn change_lang(
    state: web::Data<AppState>,
    session: Session,
    organizer: Organizer,
    form: web::Form<LangForm>,
) -> Result<HttpResponse, AppError> {
    session::verify_csrf(&session, &form.csrf)?;
    let lang: Lang = form
        .lang
        .parse()
        .map_err(|()| AppError::BadRequest("unknown language".into()))?;
    let id = organizer.0.id;
    state
        .db
        .run(move |conn| Ok(organizers::set_lang(conn, id, lang)?))
        .await?;
    session::update_organizer(
        &session,
        SessionOrganizer {
            lang,
            ..organizer.0
        },
    );
    session::flash(&session, FlashKind::Success, "admin-lang-changed");
    Ok(see_other("/admin/"))
}
