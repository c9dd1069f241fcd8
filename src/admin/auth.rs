//! Logging in and out, and the `Organizer` extractor that guards every admin page.

use std::future::{Ready, ready};

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload, web};
use askama::Template;
use serde::Deserialize;

use crate::AppState;
use crate::clock::now;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::organizers::{self, sessions};
use crate::web::forms::{CsrfForm, CsrfOnly, Email, FieldErrors};
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
            session::organizer(req)
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

crate::web::forms::csrf_protected!(LoginForm);

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    ctx: PageCtx,
    email: String,
    errors: FieldErrors,
}

async fn login_form(req: HttpRequest, ctx: PageCtx) -> Result<HttpResponse, AppError> {
    if session::organizer(&req).is_some() {
        return Ok(see_other("/admin/"));
    }
    render(&LoginPage {
        ctx: ctx.with_section("login"),
        email: String::new(),
        errors: FieldErrors::default(),
    })
}

/// The rate-limit subjects of one login attempt.
#[derive(Clone)]
struct Attempt {
    email: String,
    ip: String,
    /// This account from this address.
    pair: String,
    /// This account from anywhere.
    account: String,
}

enum LoginOutcome {
    Ok(String),
    Wrong,
    Throttled,
}

/// The wait before an account under attack answers: nothing up to the limit of failures
/// from everywhere, then doubling from a quarter second up to eight. The owner still gets
/// in from any address that has not failed; a guesser with many addresses gets slow.
fn account_delay(failures: i32) -> std::time::Duration {
    let over = failures - rate_limit::LOGIN_FAILURES_PER_ACCOUNT.max;
    if over <= 0 {
        return std::time::Duration::ZERO;
    }
    let millis = 250u64 << (over - 1).min(5);
    std::time::Duration::from_millis(millis.min(8_000))
}

/// Checks the password only after counting the attempt against the address and against
/// this account from this address, in one statement each: parallel guesses cannot slip
/// past the limit, and failures elsewhere never lock the owner out.
async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    form: CsrfForm<LoginForm>,
) -> Result<HttpResponse, AppError> {
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
    let ip = client_ip(&req, &state.config.trusted_proxies);
    let attempt = Attempt {
        pair: format!("{email} from {ip}"),
        account: format!("email:{email}"),
        ip,
        email,
    };
    let counted = attempt.clone();
    let admitted = state
        .db
        .run(move |conn| {
            let a = counted;
            if !rate_limit::LOGIN_PER_ADDRESS.take(conn, &a.ip)?
                || !rate_limit::LOGIN_PER_ACCOUNT_AND_ADDRESS.take(conn, &a.pair)?
            {
                return Ok(None);
            }
            let failures = rate_limit::LOGIN_FAILURES_PER_ACCOUNT.current(conn, &a.account)?;
            Ok(Some((
                organizers::active_by_email(conn, &a.email)?,
                failures,
            )))
        })
        .await?;
    let outcome = match admitted {
        None => LoginOutcome::Throttled,
        Some((found, failures)) => {
            tokio::time::sleep(account_delay(failures)).await;
            let password = form.password.clone();
            state
                .db
                .run(move |conn| {
                    let stored = found
                        .as_ref()
                        .map_or(organizers::decoy_hash(), |o| o.password_hash.as_str());
                    let matches = organizers::verify_password(&password, stored);
                    match found {
                        Some(o) if matches => {
                            rate_limit::LOGIN_PER_ACCOUNT_AND_ADDRESS.clear(conn, &attempt.pair)?;
                            Ok(LoginOutcome::Ok(sessions::start(conn, o.id, now())?))
                        }
                        _ => {
                            rate_limit::LOGIN_FAILURES_PER_ACCOUNT
                                .count_one(conn, &attempt.account)?;
                            Ok(LoginOutcome::Wrong)
                        }
                    }
                })
                .await?
        }
    };
    let (status, key) = match outcome {
        LoginOutcome::Ok(token) => {
            session::log_in(&session, &token)?;
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

/// Ends the session in the database, so every copy of the cookie is dead too.
async fn logout(
    state: web::Data<AppState>,
    session: Session,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    if let Some(token) = session::organizer_token(&session) {
        state
            .db
            .run(move |conn| Ok(sessions::end(conn, &token)?))
            .await?;
    }
    session::log_out(&session);
    Ok(see_other("/admin/login"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LangForm {
    csrf: String,
    lang: String,
}

crate::web::forms::csrf_protected!(LangForm);

async fn change_lang(
    state: web::Data<AppState>,
    session: Session,
    organizer: Organizer,
    form: CsrfForm<LangForm>,
) -> Result<HttpResponse, AppError> {
    let lang: Lang = form
        .lang
        .parse()
        .map_err(|()| AppError::BadRequest("unknown language".into()))?;
    let id = organizer.0.id;
    state
        .db
        .run(move |conn| Ok(organizers::set_lang(conn, id, lang)?))
        .await?;
    session::flash(&session, FlashKind::Success, "admin-lang-changed");
    Ok(see_other("/admin/"))
}

#[cfg(test)]
mod tests {
    use super::account_delay;

    #[test]
    fn an_account_under_attack_answers_ever_slower() {
        let ms = |failures| account_delay(failures).as_millis();
        assert_eq!(
            [ms(0), ms(10), ms(11), ms(12), ms(13)],
            [0, 0, 250, 500, 1000]
        );
        assert_eq!(ms(16), 8000);
        assert_eq!(ms(1000), 8000);
    }
}
