//! `PageCtx`: what every page template needs besides its own data.

use std::future::{Ready, ready};

use actix_session::SessionExt;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

use crate::error::AppError;
use crate::i18n::{FluentArg, Lang};
use crate::web::nav::Link;
use crate::web::{assets, csrf, lang, session};

/// A `<link rel="alternate" hreflang>` entry.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub hreflang: &'static str,
    pub href: String,
}

/// Per-request page context: language, session state, links to the other language.
#[derive(Debug, Clone)]
pub struct PageCtx {
    pub lang: Lang,
    pub path: String,
    pub base_url: String,
    pub site_name: String,
    pub csrf: String,
    pub organizer: Option<session::SessionOrganizer>,
    pub flash: Option<session::Flash>,
    pub alternates: Vec<Alternate>,
    /// Where the language switcher leads: the same thing in the other language.
    pub switch_href: String,
    /// Highlights the current section in the navigation.
    pub section: &'static str,
    /// Comments waiting for moderation, shown in the admin navigation.
    pub pending_comments: i64,
    /// Links to the pages organizers placed in the header and in the footer.
    pub header_pages: Vec<Link>,
    pub footer_pages: Vec<Link>,
}

/// The header and footer links of a language, as the feature that keeps them finds them
/// for a request; the app registers it, so this layer names no feature.
#[derive(Clone, Copy)]
pub struct SiteNav(pub fn(&HttpRequest, Lang) -> NavLinks);

/// Header links, then footer links.
pub type NavLinks = (Vec<Link>, Vec<Link>);

/// The site's name and public address as every page shows them; the app registers it.
#[derive(Debug, Clone)]
pub struct Site {
    pub name: String,
    pub base_url: String,
}

impl PageCtx {
    /// Builds the context for `req` in `lang`.
    pub fn build(req: &HttpRequest, lang: Lang) -> PageCtx {
        let site = req.app_data::<web::Data<Site>>();
        let base_url = site.map(|s| s.base_url.clone()).unwrap_or_default();
        let site_name = site
            .map(|s| s.name.clone())
            .unwrap_or_else(|| "Grillplatz".into());
        let session = req.get_session();
        let path = req.path().to_string();
        // The message first: a session that held only it is ended after this page, and
        // its forms then carry the anonymous token.
        let flash = session::take_flash(&session);
        let (header_pages, footer_pages) = req
            .app_data::<web::Data<SiteNav>>()
            .map(|nav| (nav.0)(req, lang))
            .unwrap_or_default();
        let mut ctx = PageCtx {
            lang,
            csrf: csrf::token(req, &session),
            organizer: session::organizer(req),
            flash,
            switch_href: lang::switch_href(&format!("/{}/", lang.other())),
            alternates: Vec::new(),
            section: "",
            pending_comments: 0,
            header_pages,
            footer_pages,
            base_url,
            site_name,
            path: path.clone(),
        };
        if let Some(rest) = path.strip_prefix(&format!("/{lang}/")) {
            let same = |l: Lang| format!("/{l}/{rest}");
            ctx.set_versions(Some(same(Lang::De)), Some(same(Lang::En)));
        }
        ctx
    }

    /// A context that belongs to no request and no visitor (no session, no CSRF token),
    /// for markup rendered once and shared, such as the live board's fragment.
    pub fn neutral(lang: Lang, base_url: &str, site_name: &str) -> PageCtx {
        PageCtx {
            lang,
            path: String::new(),
            base_url: base_url.to_string(),
            site_name: site_name.to_string(),
            csrf: String::new(),
            organizer: None,
            flash: None,
            alternates: Vec::new(),
            switch_href: lang::switch_href(&format!("/{}/", lang.other())),
            section: "",
            pending_comments: 0,
            header_pages: Vec::new(),
            footer_pages: Vec::new(),
        }
    }

    /// Declares where this page exists in each language; drives hreflang and the switcher.
    pub fn set_versions(&mut self, de: Option<String>, en: Option<String>) {
        let mut alternates = Vec::new();
        if let Some(de) = &de {
            alternates.push(Alternate {
                hreflang: "de",
                href: self.abs(de),
            });
        }
        if let Some(en) = &en {
            alternates.push(Alternate {
                hreflang: "en",
                href: self.abs(en),
            });
        }
        // x-default: the German version when there is one, German being the default.
        if let Some(default) = de.as_ref().or(en.as_ref()) {
            alternates.push(Alternate {
                hreflang: "x-default",
                href: self.abs(default),
            });
        }
        self.alternates = alternates;
        let other = match self.lang.other() {
            Lang::De => de,
            Lang::En => en,
        };
        self.switch_href =
            lang::switch_href(&other.unwrap_or_else(|| format!("/{}/blog/", self.lang.other())));
    }

    pub fn with_section(mut self, section: &'static str) -> PageCtx {
        self.section = section;
        self
    }

    /// The Fluent string `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// The Fluent string `key` with `$count` (plural forms).
    pub fn tn(&self, key: &str, count: &i64) -> String {
        self.lang.t_args(key, &[("count", FluentArg::Num(*count))])
    }

    /// The Fluent string `key` with one named text argument.
    pub fn ta(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.t_args(key, &[(name, FluentArg::from(value))])
    }

    /// The other language, for the switcher.
    pub fn other_lang(&self) -> Lang {
        self.lang.other()
    }

    /// The versioned URL of a static file.
    pub fn asset(&self, name: &str) -> String {
        assets::url(name)
    }

    /// An absolute URL for a site path.
    pub fn abs(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// Whether `section` is the current one (for `aria-current`).
    pub fn is_section(&self, section: &str) -> bool {
        self.section == section
    }

    /// Whether the message `key` was flashed for this page.
    pub fn flashed(&self, key: &str) -> bool {
        self.flash.as_ref().is_some_and(|f| f.key == key)
    }

    pub fn flash_text(&self) -> Option<(&'static str, String)> {
        self.flash.as_ref().map(|f| (f.kind.css(), self.t(&f.key)))
    }
}

/// Extracts the context for a public page under `/{lang}/…`, or for the admin
/// area in the organizer's language.
impl FromRequest for PageCtx {
    type Error = AppError;
    type Future = Ready<Result<PageCtx, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let lang = match req.match_info().get("lang") {
            Some(code) => match code.parse::<Lang>() {
                Ok(lang) => lang,
                Err(()) => return ready(Err(AppError::NotFound)),
            },
            None => lang::preferred(req),
        };
        ready(Ok(PageCtx::build(req, lang)))
    }
}
