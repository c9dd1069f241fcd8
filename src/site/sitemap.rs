//! `/sitemap.xml`: every public page of both languages with its hreflang alternates.

use std::fmt::Write;

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::AppState;
use crate::blog::model::Post;
use crate::blog::pages::archive_months;
use crate::blog::queries;
use crate::error::AppError;
use crate::i18n::Lang;

/// A page and where it exists in each language.
struct Entry {
    de: Option<String>,
    en: Option<String>,
}

impl Entry {
    fn both(path_after_lang: &str) -> Entry {
        Entry {
            de: Some(format!("/de/{path_after_lang}")),
            en: Some(format!("/en/{path_after_lang}")),
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub async fn sitemap(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let tz = state.config.timezone;
    let (posts, categories, tags, months, events, pages) = state
        .db
        .run(move |conn| {
            let posts = queries::all_visible(conn)?;
            let events = crate::events::queries::all_public(conn)?;
            let mut categories: Vec<(crate::blog::model::Category, Vec<Lang>)> = Vec::new();
            let mut tags = Vec::new();
            let mut months = Vec::new();
            for lang in Lang::ALL {
                for (c, _) in queries::categories_with_counts(conn, lang)? {
                    match categories.iter_mut().find(|(known, _)| known.id == c.id) {
                        Some((_, langs)) => langs.push(lang),
                        None => categories.push((c, vec![lang])),
                    }
                }
                for (t, _) in queries::tags_with_counts(conn, lang)? {
                    tags.push((lang, t.slug));
                }
                for (y, m, _) in archive_months(&queries::publication_times(conn, lang)?, tz) {
                    months.push((lang, y, m));
                }
            }
            let pages = crate::pages::queries::published(conn)?;
            Ok((posts, categories, tags, months, events, pages))
        })
        .await?;

    let mut entries = vec![
        Entry::both(""),
        Entry::both("blog/"),
        Entry::both("archive/"),
        Entry::both("events/"),
        Entry::both("newsletter/"),
    ];
    for event in &events {
        entries.push(Entry::both(&format!("events/{}/", event.slug)));
        if event.has_topic_board() {
            entries.push(Entry::both(&format!("events/{}/topics/", event.slug)));
            entries.push(Entry::both(&format!("events/{}/schedule/", event.slug)));
        }
    }
    // Posts: a translated pair is one entry with two URLs.
    let mut paired: Vec<&Post> = Vec::new();
    for post in &posts {
        let partner = post.translation_key.as_ref().and_then(|key| {
            posts
                .iter()
                .find(|p| p.id != post.id && p.translation_key.as_ref() == Some(key))
        });
        match (post.lang, partner) {
            (Lang::En, Some(_)) => continue, // listed with its German partner
            (_, partner) => {
                let (de, en) = match post.lang {
                    Lang::De => (Some(post.path()), partner.map(Post::path)),
                    Lang::En => (None, Some(post.path())),
                };
                entries.push(Entry { de, en });
                paired.push(post);
            }
        }
    }
    let single = |lang: Lang, path: String| match lang {
        Lang::De => Entry {
            de: Some(path),
            en: None,
        },
        Lang::En => Entry {
            de: None,
            en: Some(path),
        },
    };
    // A category with posts in both languages is one entry, under each language's slug.
    for (category, langs) in categories {
        let path = |lang: Lang| langs.contains(&lang).then(|| category.path(lang));
        entries.push(Entry {
            de: path(Lang::De),
            en: path(Lang::En),
        });
    }
    // Pages: a translated pair is one entry, like posts.
    for page in &pages {
        let partner = page.translation_key.as_ref().and_then(|key| {
            pages
                .iter()
                .find(|p| p.id != page.id && p.translation_key.as_ref() == Some(key))
        });
        match (page.lang, partner) {
            (Lang::En, Some(_)) => {} // listed with its German partner
            (Lang::De, partner) => entries.push(Entry {
                de: Some(page.path()),
                en: partner.map(crate::pages::model::Page::path),
            }),
            (Lang::En, None) => entries.push(single(Lang::En, page.path())),
        }
    }
    for (lang, slug) in tags {
        entries.push(single(lang, format!("/{lang}/tag/{slug}/")));
    }
    for (lang, y, m) in months {
        entries.push(single(lang, format!("/{lang}/archive/{y}/{m:02}/")));
    }

    let base = &state.config.base_url;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for entry in &entries {
        let versions: Vec<(&str, &String)> = [("de", &entry.de), ("en", &entry.en)]
            .into_iter()
            .filter_map(|(l, p)| p.as_ref().map(|p| (l, p)))
            .collect();
        for (_, path) in &versions {
            let _ = writeln!(
                xml,
                "  <url>\n    <loc>{}</loc>",
                escape(&format!("{base}{path}"))
            );
            for (hreflang, alt) in &versions {
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
                    escape(&format!("{base}{alt}"))
                );
            }
            if let Some((_, default)) = versions.first() {
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    escape(&format!("{base}{default}"))
                );
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/xml; charset=utf-8"))
        .body(xml))
}
