//! Public pages for contacts: the newsletter sign-up with double opt-in, and the
//! personal unsubscribe page with its one-click POST (RFC 8058).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::emails;
use super::model::{Contact, ContactStatus, stand_in_organizer};
use super::queries::{self, SignUp, SignUpConfirmation};
use crate::AppState;
use crate::clock::now;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::mail;
use crate::organizers;
use crate::tokens::{random_token, token_hash};
use crate::web::forms::{CsrfForm, CsrfOnly, FieldErrors};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, client_ip, rate_limit, render, render_status, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/newsletter/", web::get().to(newsletter_form))
        .route("/newsletter/", web::post().to(sign_up))
        .route("/newsletter/confirm/{token}", web::get().to(confirm_form))
        .route("/newsletter/confirm/{token}", web::post().to(confirm))
        .route("/unsubscribe/{token}", web::get().to(unsubscribe_page))
        .route("/unsubscribe/{token}", web::post().to(one_click))
        .route(
            "/unsubscribe/{token}/preferences",
            web::post().to(preferences),
        );
}

/// The sign-up form as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct NewsletterForm {
    pub csrf: String,
    pub email: String,
    pub name: String,
    pub lang: String,
    pub invitations: String,
    pub announcements: String,
    pub consent: String,
    /// Honeypot.
    pub website: String,
}

crate::web::forms::csrf_protected!(NewsletterForm);

#[derive(Template)]
#[template(path = "contacts/newsletter.html")]
struct NewsletterPage {
    ctx: PageCtx,
    form: NewsletterForm,
    errors: FieldErrors,
}

async fn newsletter_form(ctx: PageCtx) -> Result<HttpResponse, AppError> {
    let form = NewsletterForm {
        lang: ctx.lang.code().into(),
        invitations: "yes".into(),
        announcements: "yes".into(),
        ..NewsletterForm::default()
    };
    render(&NewsletterPage {
        ctx: ctx.with_section("newsletter"),
        form,
        errors: FieldErrors::default(),
    })
}

const NAME_MAX: usize = 100;

async fn sign_up(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    form: CsrfForm<NewsletterForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let lang = ctx.lang;
    let done = format!("/{lang}/newsletter/");
    if !form.website.trim().is_empty() {
        session::flash(&session, FlashKind::Success, "newsletter-link-sent");
        return Ok(see_other(&done));
    }
    let mut errors = FieldErrors::default();
    let email = errors.email("email", &form.email);
    let name = errors.optional_text("name", &form.name, NAME_MAX);
    let mail_lang = form.lang.parse::<Lang>().unwrap_or_else(|()| {
        errors.add("lang", "error-choose");
        lang
    });
    let (invitations, announcements) = (form.invitations == "yes", form.announcements == "yes");
    if !invitations && !announcements {
        errors.add("invitations", "newsletter-error-nothing");
    }
    if form.consent != "yes" {
        errors.add("consent", "newsletter-error-consent");
    }
    let page = |errors: FieldErrors, status: StatusCode, ctx: PageCtx, form: NewsletterForm| {
        render_status(
            status,
            &NewsletterPage {
                ctx: ctx.with_section("newsletter"),
                form,
                errors,
            },
        )
    };
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return page(errors, StatusCode::UNPROCESSABLE_ENTITY, ctx, form);
    };
    let input = SignUp {
        email: email.as_str().to_string(),
        name,
        lang: mail_lang,
        invitations,
        announcements,
        source: format!("{}{}", state.config.base_url, req.path()),
        consent_text: mail_lang.t("newsletter-consent"),
    };
    let ip = client_ip(&req, &state.config.trusted_proxies);
    let mail_ctx = state.config.mail_context();
    let sent = state
        .db
        .run(move |conn| {
            if !rate_limit::RSVPS.take(conn, &ip)? {
                return Ok(false);
            }
            let token = random_token();
            crate::db::write_transaction(conn, |conn| {
                let id = queries::sign_up(conn, &input, &token_hash(&token), now())?;
                if let Some(contact) = queries::by_id(conn, id)? {
                    let email = emails::newsletter_confirm(&mail_ctx, &contact, input.lang, &token);
                    mail::enqueue(
                        conn,
                        &format!("newsletter-confirm:{id}:{token}"),
                        &email,
                        now(),
                    )?;
                }
                Ok::<_, diesel::result::Error>(())
            })?;
            Ok(true)
        })
        .await?;
    if !sent {
        let mut errors = FieldErrors::default();
        errors.add("email", "error-rate-limited");
        return page(errors, StatusCode::TOO_MANY_REQUESTS, ctx, form);
    }
    // The same answer whether or not the address is known.
    session::flash(&session, FlashKind::Success, "newsletter-link-sent");
    Ok(see_other(&done))
}

#[derive(Template)]
#[template(path = "contacts/newsletter_confirm.html")]
struct ConfirmPage {
    ctx: PageCtx,
    /// "ask", "confirmed", "expired", "unknown"
    outcome: &'static str,
    action: String,
}

async fn confirm_form(
    ctx: PageCtx,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (lang, token) = path.into_inner();
    render(&ConfirmPage {
        outcome: "ask",
        action: format!("/{lang}/newsletter/confirm/{token}"),
        ctx: ctx.with_section("newsletter"),
    })
}

async fn confirm(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String)>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (_, token) = path.into_inner();
    let hash = token_hash(&token);
    let result = state
        .db
        .run(move |conn| Ok(queries::confirm_sign_up(conn, &hash, now())?))
        .await?;
    let (outcome, status) = match result {
        SignUpConfirmation::Confirmed(_) => ("confirmed", StatusCode::OK),
        SignUpConfirmation::Expired => ("expired", StatusCode::GONE),
        SignUpConfirmation::Unknown => ("unknown", StatusCode::NOT_FOUND),
    };
    render_status(
        status,
        &ConfirmPage {
            outcome,
            action: String::new(),
            ctx: ctx.with_section("newsletter"),
        },
    )
}

#[derive(Template)]
#[template(path = "contacts/unsubscribe.html")]
struct UnsubscribePage {
    ctx: PageCtx,
    contact: Contact,
    /// Opened from an organizer's test mail: the page as a recipient sees it, inert.
    test: bool,
    unsubscribed: bool,
    action: String,
    preferences_action: String,
}

/// Whom an unsubscribe link names.
enum Holder {
    Contact(Contact),
    /// An organizer's test mail: nothing is changed for them.
    Test(Contact),
}

async fn holder_of(state: &AppState, lang: &str, token: &str) -> Result<Holder, AppError> {
    let id = state
        .config
        .mail_context()
        .verify_contact_token("unsubscribe", token)
        .ok_or(AppError::NotFound)?;
    // The scope only routes "de" and "en".
    let lang: Lang = lang.parse().unwrap_or(Lang::De);
    state
        .db
        .run(move |conn| match stand_in_organizer(id) {
            Some(organizer) => {
                let organizer = organizers::by_id(conn, organizer)?.ok_or(AppError::NotFound)?;
                Ok(Holder::Test(Contact::stand_in(&organizer, lang, now())))
            }
            None => Ok(Holder::Contact(
                queries::by_id(conn, id)?.ok_or(AppError::NotFound)?,
            )),
        })
        .await
}

async fn unsubscribe_page(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (lang, token) = path.into_inner();
    let (contact, test) = match holder_of(&state, &lang, &token).await? {
        Holder::Contact(contact) => (contact, false),
        Holder::Test(contact) => (contact, true),
    };
    let unsubscribed = contact.status != ContactStatus::Active;
    render(&UnsubscribePage {
        unsubscribed,
        contact,
        test,
        action: format!("/{lang}/unsubscribe/{token}"),
        preferences_action: format!("/{lang}/unsubscribe/{token}/preferences"),
        ctx: ctx.with_section("newsletter"),
    })
}

/// RFC 8058 one-click: a mail program POSTs `List-Unsubscribe=One-Click` to the URL from
/// the header. The token in the URL is the authorization, so there is no CSRF token —
/// and nothing but unsubscribing can be done this way.
async fn one_click(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    session: Session,
) -> Result<HttpResponse, AppError> {
    let (lang, token) = path.into_inner();
    let key = match holder_of(&state, &lang, &token).await? {
        Holder::Contact(contact) => {
            state
                .db
                .run(move |conn| Ok(queries::unsubscribe(conn, contact.id, now())?))
                .await?;
            "unsubscribe-done"
        }
        Holder::Test(_) => "unsubscribe-test-done",
    };
    session::flash(&session, FlashKind::Success, key);
    Ok(see_other(&format!("/{lang}/unsubscribe/{token}")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PreferencesForm {
    csrf: String,
    lang: String,
    invitations: String,
    announcements: String,
}

crate::web::forms::csrf_protected!(PreferencesForm);

async fn preferences(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<(String, String)>,
    form: CsrfForm<PreferencesForm>,
) -> Result<HttpResponse, AppError> {
    let (lang, token) = path.into_inner();
    let contact = match holder_of(&state, &lang, &token).await? {
        Holder::Contact(contact) => contact,
        Holder::Test(_) => {
            session::flash(&session, FlashKind::Success, "unsubscribe-test-saved");
            return Ok(see_other(&format!("/{lang}/unsubscribe/{token}")));
        }
    };
    let mail_lang: Lang = form.lang.parse().unwrap_or(contact.lang);
    let (invitations, announcements) = (form.invitations == "yes", form.announcements == "yes");
    state
        .db
        .run(move |conn| {
            Ok(queries::set_preferences(
                conn,
                contact.id,
                mail_lang,
                invitations,
                announcements,
                now(),
            )?)
        })
        .await?;
    let key = if invitations || announcements {
        "unsubscribe-preferences-saved"
    } else {
        "unsubscribe-done"
    };
    session::flash(&session, FlashKind::Success, key);
    Ok(see_other(&format!("/{lang}/unsubscribe/{token}")))
}
