//! Organizers list, create and edit series, and plan an event's next edition.

use actix_session::Session;
use actix_web::{HttpResponse, web};

use super::forms::{NextEditionForm, SeriesForm, local_today};
use super::model::{Numbering, Series, edition_label};
use super::next::{self, Planned};
use super::pages::{NextEditionPage, SeriesEditPage, SeriesListPage, SeriesRow};
use super::queries::{self, SeriesSaved};
use crate::AppState;
use crate::admin::{Organizer, admin_ctx};
use crate::clock::now;
use crate::error::AppError;
use crate::events::model::Event;
use crate::i18n::Lang;
use crate::web::forms::{CsrfForm, Rejected};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render, render_status, see_other};

pub fn admin_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/series", web::get().to(list))
        .route("/series/new", web::get().to(new_form))
        .route("/series/new", web::post().to(create))
        .route("/series/{id}/edit", web::get().to(edit_form))
        .route("/series/{id}/edit", web::post().to(update))
        .route("/events/{id}/next-edition", web::get().to(next_form))
        .route("/events/{id}/next-edition", web::post().to(plan_next));
}

async fn list(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let (all, counts) = state
        .db
        .run(|conn| Ok((queries::all(conn)?, queries::edition_counts(conn)?)))
        .await?;
    let rows = all
        .iter()
        .map(|s| SeriesRow {
            id: s.id,
            name: s.name(lang).to_string(),
            slug: s.slug.clone(),
            numbering: s.numbering,
            editions: counts
                .iter()
                .find(|(id, _)| *id == s.id)
                .map_or(0, |(_, n)| *n),
            public_href: s.path(lang),
        })
        .collect();
    render(&SeriesListPage {
        ctx: admin_ctx(&state, ctx, "events").await?,
        rows,
    })
}

async fn editor(
    state: &AppState,
    ctx: PageCtx,
    series_id: Option<i64>,
    shown: impl Into<Rejected<SeriesForm>>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let lang = ctx.lang;
    let typed = match lang {
        Lang::De => form.name_de.trim(),
        Lang::En => form.name_en.trim(),
    };
    let name = if typed.is_empty() {
        lang.t("series-example-name")
    } else {
        typed.to_string()
    };
    let page = SeriesEditPage {
        series_id,
        examples: Numbering::ALL
            .iter()
            .map(|n| (*n, edition_label(&name, *n, 4, lang)))
            .collect(),
        numberings: Numbering::ALL,
        form,
        errors,
        ctx: admin_ctx(state, ctx, "events").await?,
    };
    render_status(status, &page)
}

async fn load(state: &AppState, id: i64) -> Result<Series, AppError> {
    state
        .db
        .run(move |conn| queries::by_id(conn, id)?.ok_or(AppError::NotFound))
        .await
}

async fn new_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
) -> Result<HttpResponse, AppError> {
    editor(&state, ctx, None, SeriesForm::blank()).await
}

async fn edit_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let series = load(&state, path.into_inner()).await?;
    editor(
        &state,
        ctx,
        Some(series.id),
        SeriesForm::from_series(&series),
    )
    .await
}

async fn create(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    form: CsrfForm<SeriesForm>,
) -> Result<HttpResponse, AppError> {
    save(&state, ctx, &session, None, form.into_inner()).await
}

async fn update(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<SeriesForm>,
) -> Result<HttpResponse, AppError> {
    let series = load(&state, path.into_inner()).await?;
    save(&state, ctx, &session, Some(series.id), form.into_inner()).await
}

async fn save(
    state: &AppState,
    ctx: PageCtx,
    session: &Session,
    id: Option<i64>,
    form: SeriesForm,
) -> Result<HttpResponse, AppError> {
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => return editor(state, ctx, id, Rejected::new(form, errors)).await,
    };
    let saved = state
        .db
        .run(move |conn| Ok(queries::save(conn, id, &input, now())?))
        .await?;
    match saved {
        SeriesSaved::Saved(_) => {
            session::flash(session, FlashKind::Success, "series-saved");
            Ok(see_other("/admin/series"))
        }
        SeriesSaved::SlugTaken => {
            editor(
                state,
                ctx,
                id,
                Rejected::on(form, "slug", "error-slug-taken"),
            )
            .await
        }
    }
}

/// The event to copy and its series; an event outside a series has no next edition.
async fn source(state: &AppState, id: i64) -> Result<(Event, Series, i32), AppError> {
    state
        .db
        .run(move |conn| {
            let event = crate::events::queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let (Some(series_id), Some(edition)) = (event.series_id, event.edition) else {
                return Err(AppError::NotFound);
            };
            let series = queries::by_id(conn, series_id)?.ok_or(AppError::NotFound)?;
            Ok((event, series, edition))
        })
        .await
}

async fn next_page(
    state: &AppState,
    ctx: PageCtx,
    event_id: i64,
    shown: impl Into<Rejected<NextEditionForm>>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let (_, series, edition) = source(state, event_id).await?;
    let lang = ctx.lang;
    let page = NextEditionPage {
        event_id,
        from_label: series.edition_label(edition, lang),
        intro: lang.t_args(
            "series-plan-next-intro",
            &[
                ("event", series.edition_label(edition, lang).into()),
                ("title", series.edition_label(edition + 1, lang).into()),
            ],
        ),
        form,
        errors,
        ctx: admin_ctx(state, ctx, "events").await?,
    };
    render_status(status, &page)
}

async fn next_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (event, _, _) = source(&state, id).await?;
    // A year on is the usual rhythm; the organizer picks the day.
    let suggested = crate::i18n::format::local(event.starts_at, event.tz()).date_naive()
        + chrono::Duration::weeks(52);
    let form = NextEditionForm {
        date: suggested.format("%Y-%m-%d").to_string(),
        ..NextEditionForm::default()
    };
    next_page(&state, ctx, id, form).await
}

async fn plan_next(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<NextEditionForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let form = form.into_inner();
    let (event, _, _) = source(&state, id).await?;
    let date = match form.validate(local_today(now(), event.tz())) {
        Ok(date) => date,
        Err(errors) => return next_page(&state, ctx, id, Rejected::new(form, errors)).await,
    };
    let planned = state
        .db
        .run(move |conn| next::plan(conn, id, date, now())?.ok_or(AppError::NotFound))
        .await?;
    match planned {
        Planned::Created(draft) => {
            session::flash(&session, FlashKind::Success, "series-next-planned");
            Ok(see_other(&format!("/admin/events/{draft}/edit")))
        }
        Planned::EditionTaken => {
            let rejected = Rejected::on(form, "date", "series-next-taken");
            next_page(&state, ctx, id, rejected).await
        }
        Planned::NotInSeries => Err(AppError::NotFound),
    }
}
