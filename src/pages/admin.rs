//! The organizer side: listing, writing, publishing and deleting pages.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::model::{NavPlace, Page, PageStatus};
use super::queries::{self, PageInput};
use crate::AppState;
use crate::admin::confirm::{self, Question};
use crate::admin::{Organizer, act_on_row, admin_ctx};
use crate::db::{DbConn, is_unique_violation};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::markdown::{self, Author};
use crate::web::forms::{CsrfForm, CsrfOnly, FieldErrors, Rejected, is_slug, slugify};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render, render_status, see_other};

pub fn admin_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/pages", web::get().to(list))
        .route("/pages/new", web::get().to(new_form))
        .route("/pages/new", web::post().to(create))
        .route("/pages/{id}/edit", web::get().to(edit_form))
        .route("/pages/{id}/edit", web::post().to(update))
        .route("/pages/{id}/delete", web::get().to(delete_question))
        .route("/pages/{id}/delete", web::post().to(delete));
}

pub const TITLE_MAX: usize = 120;
pub const BODY_MAX: usize = 100_000;
pub const POSITION_MAX: i32 = 999;

/// A row of the pages table.
struct PageRow {
    id: i64,
    title: String,
    lang: Lang,
    status: PageStatus,
    nav: NavPlace,
    position: i32,
    href: String,
}

#[derive(Template)]
#[template(path = "pages/admin/list.html")]
struct ListPage {
    ctx: PageCtx,
    rows: Vec<PageRow>,
}

async fn list(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
) -> Result<HttpResponse, AppError> {
    let pages = state.db.run(|conn| Ok(queries::all(conn)?)).await?;
    let rows = pages
        .into_iter()
        .map(|p| PageRow {
            id: p.id,
            href: p.path(),
            title: p.title,
            lang: p.lang,
            status: p.status,
            nav: p.nav,
            position: p.position,
        })
        .collect();
    render(&ListPage {
        ctx: admin_ctx(&state, ctx, "pages").await?,
        rows,
    })
}

/// The editor's fields as typed, so a rejected form comes back unchanged.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
struct PageForm {
    csrf: String,
    title: String,
    slug: String,
    lang: String,
    body: String,
    translation: String,
    nav: String,
    position: String,
    action: String,
}

crate::web::forms::csrf_protected!(PageForm);

impl PageForm {
    fn from_page(page: &Page, translation: Option<i64>) -> PageForm {
        PageForm {
            csrf: String::new(),
            title: page.title.clone(),
            slug: page.slug.clone(),
            lang: page.lang.to_string(),
            body: page.body_md.clone(),
            translation: translation.map(|id| id.to_string()).unwrap_or_default(),
            nav: page.nav.to_string(),
            position: page.position.to_string(),
            action: String::new(),
        }
    }

    fn is_translation(&self, id: &i64) -> bool {
        self.translation == id.to_string()
    }

    /// Validates what needs no database; a legal page (`legal`) stays published in the
    /// footer whatever the form says.
    fn validate(&self, legal: bool) -> Result<(Action, PageInput), FieldErrors> {
        let mut errors = FieldErrors::default();
        let action = match self.action.as_str() {
            "preview" => Action::Preview,
            "publish" => Action::Publish,
            _ => Action::SaveDraft,
        };
        let title = errors.text("title", &self.title, TITLE_MAX);
        let body = errors.text("body", &self.body, BODY_MAX);
        let lang = self.lang.parse::<Lang>().unwrap_or_else(|()| {
            errors.add("lang", "error-choose");
            Lang::De
        });
        let slug = match self.slug.trim() {
            "" => slugify(&title),
            typed => typed.to_string(),
        };
        if !title.is_empty() && !is_slug(&slug) {
            errors.add("slug", "error-slug");
        } else if super::is_reserved(&slug) {
            errors.add("slug", "page-error-reserved");
        }
        let nav = match self.nav.parse::<NavPlace>() {
            Ok(_) if legal => NavPlace::Footer,
            Ok(nav) => nav,
            Err(()) => {
                errors.add("nav", "error-choose");
                NavPlace::None
            }
        };
        let position = match self.position.trim() {
            "" => 0,
            raw => match raw.parse::<i32>() {
                Ok(n) if (0..=POSITION_MAX).contains(&n) => n,
                _ => {
                    errors.add("position", "page-error-position");
                    0
                }
            },
        };
        let translation_id = errors.optional_id("translation", &self.translation);
        if !errors.is_empty() {
            return Err(errors);
        }
        let status = if legal || action == Action::Publish {
            PageStatus::Published
        } else {
            PageStatus::Draft
        };
        Ok((
            action,
            PageInput {
                lang,
                slug,
                title,
                body_html: markdown::to_html(&body, Author::Organizer),
                body_md: body,
                status,
                nav,
                position,
                translation_id,
            },
        ))
    }
}

/// What the organizer asked for with the button they pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Preview,
    SaveDraft,
    Publish,
}

#[derive(Template)]
#[template(path = "pages/admin/edit.html")]
struct EditPage {
    ctx: PageCtx,
    page: Option<Page>,
    form: PageForm,
    errors: FieldErrors,
    translations: Vec<(i64, String, Lang)>,
    places: &'static [NavPlace],
    preview: Option<String>,
}

impl EditPage {
    fn action(&self) -> String {
        match &self.page {
            Some(page) => format!("/admin/pages/{}/edit", page.id),
            None => "/admin/pages/new".to_string(),
        }
    }

    fn is_lang(&self, code: &str) -> bool {
        self.form.lang == code
    }

    fn is_nav(&self, place: &NavPlace) -> bool {
        self.form.nav == place.as_str()
    }

    fn is_legal(&self) -> bool {
        self.page.as_ref().is_some_and(|p| p.role.is_some())
    }
}

async fn editor(
    state: &AppState,
    ctx: PageCtx,
    page: Option<Page>,
    shown: impl Into<Rejected<PageForm>>,
    preview: Option<String>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let except = page.as_ref().map(|p| p.id);
    let translations = state
        .db
        .run(move |conn| {
            Ok(queries::all(conn)?
                .into_iter()
                .filter(|p| Some(p.id) != except)
                .map(|p| (p.id, p.title, p.lang))
                .collect())
        })
        .await?;
    let page = EditPage {
        ctx: admin_ctx(state, ctx, "pages").await?,
        page,
        form,
        errors,
        translations,
        places: NavPlace::ALL,
        preview,
    };
    render_status(status, &page)
}

async fn new_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
) -> Result<HttpResponse, AppError> {
    let form = PageForm {
        lang: ctx.lang.code().to_string(),
        nav: NavPlace::None.to_string(),
        ..PageForm::default()
    };
    editor(&state, ctx, None, form, None).await
}

async fn load(state: &AppState, id: i64) -> Result<(Page, PageForm), AppError> {
    state
        .db
        .run(move |conn| {
            let page = queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let translation = queries::translation_of(conn, &page)?.map(|p| p.id);
            let form = PageForm::from_page(&page, translation);
            Ok((page, form))
        })
        .await
}

async fn edit_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (page, form) = load(&state, path.into_inner()).await?;
    editor(&state, ctx, Some(page), form, None).await
}

async fn create(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _organizer: Organizer,
    form: CsrfForm<PageForm>,
) -> Result<HttpResponse, AppError> {
    save(&state, ctx, &session, None, form.into_inner()).await
}

async fn update(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _organizer: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<PageForm>,
) -> Result<HttpResponse, AppError> {
    let (page, _) = load(&state, path.into_inner()).await?;
    save(&state, ctx, &session, Some(page), form.into_inner()).await
}

async fn save(
    state: &web::Data<AppState>,
    ctx: PageCtx,
    session: &Session,
    page: Option<Page>,
    form: PageForm,
) -> Result<HttpResponse, AppError> {
    let legal = page.as_ref().is_some_and(|p| p.role.is_some());
    let (action, input) = match form.validate(legal) {
        Ok(valid) => valid,
        Err(errors) => return editor(state, ctx, page, Rejected::new(form, errors), None).await,
    };
    if action == Action::Preview {
        let preview = Some(input.body_html.clone());
        return editor(state, ctx, page, form, preview).await;
    }
    let id = page.as_ref().map(|p| p.id);
    let saved = state
        .db
        .run(move |conn| {
            let mut errors = FieldErrors::default();
            if queries::slug_taken(conn, input.lang, &input.slug, id)? {
                errors.add("slug", "error-slug-taken");
            }
            if let Some(other_id) = input.translation_id {
                match queries::by_id(conn, other_id)? {
                    Some(other) if other.lang != input.lang => {}
                    _ => errors.add("translation", "page-error-translation"),
                }
            }
            if !errors.is_empty() {
                return Ok(Err(errors));
            }
            match queries::save(conn, id, &input, crate::clock::now()) {
                Ok(id) => Ok(Ok(id)),
                // Two organizers saving the same slug at once: the loser gets the field error.
                Err(e) if is_unique_violation(&e) => {
                    errors.add("slug", "error-slug-taken");
                    Ok(Err(errors))
                }
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match saved {
        Ok(id) => {
            reload_nav(state).await?;
            let key = match action {
                Action::Publish => "page-published",
                _ => "page-saved",
            };
            session::flash(session, FlashKind::Success, key);
            Ok(see_other(&format!("/admin/pages/{id}/edit")))
        }
        Err(errors) => editor(state, ctx, page, Rejected::new(form, errors), None).await,
    }
}

/// Every page shows the navigation, so it follows each change at once.
async fn reload_nav(state: &web::Data<AppState>) -> Result<(), AppError> {
    let shared = state.clone();
    state
        .db
        .run(move |conn| Ok(shared.page_nav.reload(conn)?))
        .await
}

async fn delete_question(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let page = state
        .db
        .run(move |conn| queries::by_id(conn, id)?.ok_or(AppError::NotFound))
        .await?;
    let lang = ctx.lang;
    if page.role.is_some() {
        return Err(AppError::NotFound);
    }
    let question = Question {
        title: lang.t_args(
            "page-delete-question",
            &[("title", page.title.as_str().into())],
        ),
        consequence: lang.t_args("page-delete-consequence", &[("path", page.path().into())]),
        action: format!("/admin/pages/{id}/delete"),
        button: lang.t("page-delete"),
        back: format!("/admin/pages/{id}/edit"),
    };
    confirm::ask(&state, ctx, "pages", question).await
}

async fn delete(
    state: web::Data<AppState>,
    session: Session,
    _organizer: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let nav = state.clone();
    let work = move |conn: &mut DbConn| {
        let gone = queries::delete(conn, id)?;
        nav.page_nav.reload(conn)?;
        Ok(gone)
    };
    act_on_row(&state, &session, work, "page-deleted", "/admin/pages").await
}
