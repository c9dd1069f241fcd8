//! The organizer guard: resolves the session token of every request that carries one
//! (against the database, see `organizers::sessions`) and keeps everything under
//! `/admin` closed and out of caches.

use actix_session::SessionExt;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};

use crate::AppState;
use crate::clock::now;
use crate::organizers::sessions::resolve;
use crate::web::session;

/// Resolves the organizer session of every request that carries one; a token the
/// database no longer accepts is dropped from the cookie.
pub async fn identify(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let cookie_session = req.get_session();
    if let (Some(token), Some(state)) = (
        session::organizer_token(&cookie_session),
        req.app_data::<web::Data<AppState>>().cloned(),
    ) {
        let lifetime = state.config.session_lifetime;
        let who = state
            .db
            .run(move |conn| Ok(resolve(conn, &token, lifetime, now())?))
            .await?;
        match who {
            Some(who) => session::set_organizer(req.request(), who),
            None => session::forget_organizer(&cookie_session),
        }
    }
    next.call(req).await
}

/// The paths under `/admin` open to visitors without a session.
const PUBLIC_ADMIN_PATHS: &[&str] = &["/admin/login"];

/// Guards the whole `/admin` scope: without a live organizer session every route sends
/// the visitor to the login page, whatever the handler forgets; and no admin answer is
/// stored by a browser or proxy, since they show people's data.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let open = PUBLIC_ADMIN_PATHS.contains(&req.path());
    let mut res = if open || session::organizer(req.request()).is_some() {
        next.call(req).await?.map_into_left_body()
    } else {
        let login = HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/admin/login"))
            .finish();
        req.into_response(login).map_into_right_body()
    };
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}
