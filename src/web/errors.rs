//! Localized error pages: any 4xx/5xx response without a body of its own gets one.

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{StatusCode, header};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use crate::error::AppError;
use crate::web::{PageCtx, lang};

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: PageCtx,
    code: u16,
    title_key: &'static str,
    message_key: &'static str,
}

fn keys(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 => ("error-400-title", "error-400-text"),
        403 => ("error-403-title", "error-403-text"),
        404 | 405 => ("error-404-title", "error-404-text"),
        413 => ("error-413-title", "error-413-text"),
        429 => ("error-429-title", "error-429-text"),
        503 => ("error-503-title", "error-503-text"),
        s if s >= 500 => ("error-500-title", "error-500-text"),
        _ => ("error-400-title", "error-400-text"),
    }
}

pub fn handlers<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(error_page)
}

fn error_page<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if res.response().headers().contains_key(header::CONTENT_TYPE) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (req, old) = res.into_parts();
    let body = render(&req, status).unwrap_or_else(|err| {
        tracing::error!(error = %err, "rendering the error page failed");
        status.canonical_reason().unwrap_or("Error").to_string()
    });
    let mut new = HttpResponse::build(status);
    for (name, value) in old.headers() {
        if name != header::CONTENT_LENGTH {
            new.append_header((name.clone(), value.clone()));
        }
    }
    let new = new.content_type("text/html; charset=utf-8").body(body);
    let res = ServiceResponse::new(req, new).map_into_right_body::<B>();
    Ok(ErrorHandlerResponse::Response(
        res.map_body(|_, body: EitherBody<B, BoxBody>| body),
    ))
}

fn render(req: &HttpRequest, status: StatusCode) -> Result<String, AppError> {
    let lang = lang::of_path(req.path()).unwrap_or_else(|| lang::preferred(req));
    let (title_key, message_key) = keys(status);
    let page = ErrorPage {
        ctx: PageCtx::build(req, lang),
        code: status.as_u16(),
        title_key,
        message_key,
    };
    Ok(page.render()?)
}
