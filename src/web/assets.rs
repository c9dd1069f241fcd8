//! Static files compiled into the binary, served under content-hashed URLs so
//! browsers may cache them for a year.

use std::collections::HashMap;
use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

#[derive(RustEmbed)]
#[folder = "static/"]
struct Static;

fn hashes() -> &'static HashMap<String, String> {
    static HASHES: OnceLock<HashMap<String, String>> = OnceLock::new();
    HASHES.get_or_init(|| {
        Static::iter()
            .filter_map(|name| {
                let file = Static::get(&name)?;
                let digest = Sha256::digest(&file.data);
                Some((name.to_string(), hex::encode(&digest[..5])))
            })
            .collect()
    })
}

/// `/static/<hash>/<name>`; an unknown name still gets a URL, which answers 404.
pub fn url(name: &str) -> String {
    let hash = hashes().get(name).map(String::as_str).unwrap_or("0");
    format!("/static/{hash}/{name}")
}

/// Serves a file: immutable when the hash matches, revalidated when it is an old one.
pub async fn serve(path: web::Path<(String, String)>) -> HttpResponse {
    let (hash, name) = path.into_inner();
    let Some(file) = Static::get(&name) else {
        return HttpResponse::NotFound().finish();
    };
    let current = hashes().get(&name).is_some_and(|h| *h == hash);
    let cache = if current {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mime = mime_guess::from_path(&name).first_or_octet_stream();
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, mime.essence_str().to_string()))
        .insert_header((header::CACHE_CONTROL, cache))
        .body(file.data.into_owned())
}

/// `/favicon.ico` is asked for by browsers regardless of markup.
pub async fn favicon() -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header((header::LOCATION, url("favicon.svg")))
        .finish()
}
