//! Organizers keep the contact list: search, filter by tag or status, add, edit, delete.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::confirm::{self, Question};
use crate::admin::{act_on_row, admin_ctx};
use crate::clock::now;
use crate::contacts::model::{Contact, ContactSource, ContactStatus};
use crate::contacts::queries::{self, ContactInput, Filter, PAGE_SIZE};
use crate::db::DbConn;
use crate::db::pagination::Page;
use crate::error::AppError;
use crate::i18n::{Lang, format};
use crate::web::forms::{CsrfForm, CsrfOnly, FieldErrors};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render, render_status, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/contacts", web::get().to(list))
        .route("/contacts/new", web::get().to(new_form))
        .route("/contacts/new", web::post().to(create))
        .route("/contacts/{id}", web::get().to(edit_form))
        .route("/contacts/{id}", web::post().to(update))
        .route("/contacts/{id}/delete", web::get().to(delete_question))
        .route("/contacts/{id}/delete", web::post().to(delete))
        .route("/contacts/{id}/reactivate", web::post().to(reactivate));
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    q: String,
    tag: String,
    status: String,
    page: String,
}

struct Row {
    id: i64,
    email: String,
    name: String,
    organization: String,
    lang: String,
    tags: Vec<String>,
    status: ContactStatus,
}

#[derive(Template)]
#[template(path = "contacts/admin/contacts.html")]
struct ListPage {
    ctx: PageCtx,
    rows: Vec<Row>,
    total: i64,
    q: String,
    tag: String,
    status: String,
    tags: Vec<(String, i64)>,
    statuses: &'static [ContactStatus],
    prev_href: Option<String>,
    next_href: Option<String>,
}

async fn list(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let number = match query.page.trim() {
        "" => 1,
        raw => raw.parse::<i64>().map_err(|_| AppError::NotFound)?,
    };
    let filter = Filter {
        search: query.q.clone(),
        tag: Some(query.tag.trim().to_lowercase()).filter(|t| !t.is_empty()),
        status: ContactStatus::parse(&query.status),
    };
    let (rows, total, tags, page) = state
        .db
        .run(move |conn| {
            let total = queries::count(conn, &filter)?;
            let page = Page::new(number, PAGE_SIZE, total).ok_or(AppError::NotFound)?;
            let contacts = queries::list(conn, &filter, page.offset(), PAGE_SIZE)?;
            let ids: Vec<i64> = contacts.iter().map(|c| c.id).collect();
            let mut tags = queries::tags_of(conn, &ids)?;
            let rows = contacts
                .into_iter()
                .map(|c| Row {
                    tags: tags.remove(&c.id).unwrap_or_default(),
                    id: c.id,
                    email: c.email,
                    name: c.name,
                    organization: c.organization,
                    lang: c.lang.code().to_uppercase(),
                    status: c.status,
                })
                .collect::<Vec<_>>();
            Ok((rows, total, queries::all_tags(conn)?, page))
        })
        .await?;
    let href = |n: i64| {
        let params = serde_urlencoded::to_string([
            ("q", query.q.as_str()),
            ("tag", query.tag.as_str()),
            ("status", query.status.as_str()),
            ("page", &n.to_string()),
        ])
        .unwrap_or_default();
        format!("/admin/contacts?{params}")
    };
    render(&ListPage {
        ctx: admin_ctx(&state, ctx, "contacts").await?,
        rows,
        total,
        prev_href: page.prev().map(href),
        next_href: page.next().map(href),
        q: query.q.clone(),
        tag: query.tag.clone(),
        status: query.status.clone(),
        tags,
        statuses: ContactStatus::ALL,
    })
}

/// The contact form as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
struct ContactForm {
    csrf: String,
    email: String,
    name: String,
    lang: String,
    organization: String,
    tags: String,
    invitations: String,
    announcements: String,
}

crate::web::forms::csrf_protected!(ContactForm);

impl ContactForm {
    fn from_contact(c: &Contact, tags: &[String]) -> ContactForm {
        ContactForm {
            email: c.email.clone(),
            name: c.name.clone(),
            lang: c.lang.to_string(),
            organization: c.organization.clone(),
            tags: tags.join(", "),
            invitations: if c.invitations {
                "yes".into()
            } else {
                String::new()
            },
            announcements: if c.announcements {
                "yes".into()
            } else {
                String::new()
            },
            ..ContactForm::default()
        }
    }

    fn validate(&self) -> Result<ContactInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let email = errors.email("email", &self.email);
        let name = errors.optional_text("name", &self.name, 100);
        let organization = errors.optional_text("organization", &self.organization, 200);
        errors.optional_text("tags", &self.tags, 1000);
        let lang = self.lang.parse::<Lang>().unwrap_or_else(|()| {
            errors.add("lang", "error-choose");
            Lang::De
        });
        match email {
            Some(email) if errors.is_empty() => Ok(ContactInput {
                email: email.as_str().to_string(),
                name,
                lang,
                organization,
                tags: queries::normalize_tags(&self.tags),
                invitations: self.invitations == "yes",
                announcements: self.announcements == "yes",
            }),
            _ => Err(errors),
        }
    }
}

/// What is stored about the contact's consent and deliverability, for the edit page.
struct Facts {
    status: ContactStatus,
    source: ContactSource,
    consent: Option<String>,
    consent_source: String,
    consent_text: String,
    unsubscribed: Option<String>,
    bounced: Option<String>,
}

#[derive(Template)]
#[template(path = "contacts/admin/contact_edit.html")]
struct EditPage {
    ctx: PageCtx,
    id: Option<i64>,
    form: ContactForm,
    errors: FieldErrors,
    facts: Option<Facts>,
}

async fn editor(
    state: &AppState,
    ctx: PageCtx,
    contact: Option<&Contact>,
    form: ContactForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let ctx = admin_ctx(state, ctx, "contacts").await?;
    let (lang, tz) = (ctx.lang, state.config.timezone);
    let when = |t: Option<chrono::NaiveDateTime>| t.map(|t| format::date_time(lang, t, tz));
    render_status(
        status,
        &EditPage {
            id: contact.map(|c| c.id),
            facts: contact.map(|c| Facts {
                status: c.status,
                source: c.source,
                consent: when(c.consent_at),
                consent_source: c.consent_source.clone().unwrap_or_default(),
                consent_text: c.consent_text.clone().unwrap_or_default(),
                unsubscribed: when(c.unsubscribed_at),
                bounced: when(c.bounced_at),
            }),
            form,
            errors,
            ctx,
        },
    )
}

async fn new_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
) -> Result<HttpResponse, AppError> {
    let form = ContactForm {
        lang: ctx.lang.code().into(),
        invitations: "yes".into(),
        ..ContactForm::default()
    };
    editor(
        &state,
        ctx,
        None,
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn load(state: &AppState, id: i64) -> Result<(Contact, Vec<String>), AppError> {
    state
        .db
        .run(move |conn| {
            let contact = queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let tags = queries::tags_of(conn, &[id])?
                .remove(&id)
                .unwrap_or_default();
            Ok((contact, tags))
        })
        .await
}

async fn edit_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (contact, tags) = load(&state, path.into_inner()).await?;
    let form = ContactForm::from_contact(&contact, &tags);
    editor(
        &state,
        ctx,
        Some(&contact),
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn save(
    state: &AppState,
    ctx: PageCtx,
    session: &Session,
    contact: Option<Contact>,
    form: ContactForm,
) -> Result<HttpResponse, AppError> {
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => {
            return editor(state, ctx, contact.as_ref(), form, errors, unprocessable).await;
        }
    };
    let id = contact.as_ref().map(|c| c.id);
    let saved = state
        .db
        .run(move |conn| Ok(queries::save(conn, id, &input, "admin", now())?))
        .await?;
    match saved {
        Ok(id) => {
            session::flash(session, FlashKind::Success, "contact-saved");
            Ok(see_other(&format!("/admin/contacts/{id}")))
        }
        Err(queries::DuplicateEmail) => {
            let mut errors = FieldErrors::default();
            errors.add("email", "contact-error-duplicate");
            editor(
                state,
                ctx,
                contact.as_ref(),
                form,
                errors,
                StatusCode::CONFLICT,
            )
            .await
        }
    }
}

async fn create(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    form: CsrfForm<ContactForm>,
) -> Result<HttpResponse, AppError> {
    save(&state, ctx, &session, None, form.into_inner()).await
}

async fn update(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<ContactForm>,
) -> Result<HttpResponse, AppError> {
    let (contact, _) = load(&state, path.into_inner()).await?;
    save(&state, ctx, &session, Some(contact), form.into_inner()).await
}

async fn delete_question(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (contact, _) = load(&state, id).await?;
    let lang = ctx.lang;
    let who = if contact.name.is_empty() {
        &contact.email
    } else {
        &contact.name
    };
    let question = Question {
        title: lang.t_args("contact-delete-question", &[("name", who.as_str().into())]),
        consequence: lang.t("contact-delete-consequence"),
        action: format!("/admin/contacts/{id}/delete"),
        button: lang.t("admin-delete"),
        back: format!("/admin/contacts/{id}"),
    };
    confirm::ask(&state, ctx, "contacts", question).await
}

async fn delete(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let work = move |conn: &mut DbConn| Ok(queries::delete(conn, id)?);
    act_on_row(&state, &session, work, "contact-deleted", "/admin/contacts").await
}

async fn reactivate(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let work = move |conn: &mut DbConn| Ok(queries::reactivate(conn, id, now())?);
    let then = format!("/admin/contacts/{id}");
    act_on_row(&state, &session, work, "contact-reactivated", &then).await
}
