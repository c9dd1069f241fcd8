//! Languages, Fluent strings and language negotiation.

pub mod format;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "de",
        // Fluent's bidi isolation marks would end up inside HTML attributes and emails.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static DE: LanguageIdentifier = langid!("de");
static EN: LanguageIdentifier = langid!("en");

/// A language the site is written in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[serde(rename_all = "lowercase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The other language of the pair.
    pub fn other(self) -> Lang {
        match self {
            Lang::De => Lang::En,
            Lang::En => Lang::De,
        }
    }

    /// The language's own name for itself, as shown in the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }

    /// The Fluent string `key`.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(self.langid(), key)
    }

    /// The Fluent string `key` with arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, FluentArg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    FluentArg::Num(n) => FluentValue::from(*n),
                    FluentArg::Str(s) => FluentValue::from(s.clone()),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.lookup_with_args(self.langid(), key, &args)
    }

    /// `key` rendered with sample arguments, `None` when it does not exist
    /// (used by the locale tests).
    pub fn sample(self, key: &str) -> Option<String> {
        let args: HashMap<Cow<'static, str>, FluentValue> = [
            (Cow::Borrowed("count"), FluentValue::from(2)),
            (Cow::Borrowed("name"), FluentValue::from("Name")),
            (Cow::Borrowed("month"), FluentValue::from("Month")),
            (Cow::Borrowed("event"), FluentValue::from("Event")),
            (Cow::Borrowed("when"), FluentValue::from("When")),
            (Cow::Borrowed("venue"), FluentValue::from("Venue")),
            (Cow::Borrowed("from"), FluentValue::from("From")),
            (Cow::Borrowed("until"), FluentValue::from("Until")),
            (Cow::Borrowed("position"), FluentValue::from(3)),
            (Cow::Borrowed("left"), FluentValue::from(4)),
            (Cow::Borrowed("capacity"), FluentValue::from(30)),
            (Cow::Borrowed("total"), FluentValue::from(5)),
            (Cow::Borrowed("title"), FluentValue::from("Title")),
            (Cow::Borrowed("path"), FluentValue::from("/de/path/")),
            (Cow::Borrowed("time"), FluentValue::from("Time")),
            (Cow::Borrowed("day"), FluentValue::from("Day")),
            (Cow::Borrowed("topic"), FluentValue::from("Topic")),
            (Cow::Borrowed("slot"), FluentValue::from("Slot")),
            (Cow::Borrowed("room"), FluentValue::from("Room")),
            (
                Cow::Borrowed("email"),
                FluentValue::from("mail@example.org"),
            ),
            (Cow::Borrowed("site"), FluentValue::from("Site")),
            (Cow::Borrowed("diet"), FluentValue::from("Diet")),
            (Cow::Borrowed("notes"), FluentValue::from("Notes")),
        ]
        .into_iter()
        .collect();
        LOCALES.try_lookup_with_args(self.langid(), key, &args)
    }

    /// Picks the first supported language from an Accept-Language header.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut ranked: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim().to_ascii_lowercase();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                let primary = tag.split('-').next()?;
                let lang = primary.parse::<Lang>().ok()?;
                (quality > 0.0).then_some((quality, lang))
            })
            .collect();
        // Stable sort keeps the header's order among equal weights.
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, lang)| *lang)
    }
}

impl FromStr for Lang {
    type Err = ();

    fn from_str(s: &str) -> Result<Lang, ()> {
        match s {
            "de" => Ok(Lang::De),
            "en" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

crate::db::text_sql!(Lang, code);

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A value passed into a Fluent message.
#[derive(Debug, Clone)]
pub enum FluentArg {
    Num(i64),
    Str(String),
}

impl From<i64> for FluentArg {
    fn from(n: i64) -> FluentArg {
        FluentArg::Num(n)
    }
}

impl From<&str> for FluentArg {
    fn from(s: &str) -> FluentArg {
        FluentArg::Str(s.to_string())
    }
}

impl From<String> for FluentArg {
    fn from(s: String) -> FluentArg {
        FluentArg::Str(s)
    }
}
