//! Forms of the topic board and their validation.

use serde::{Deserialize, Serialize};

use super::model::TopicInput;
use crate::i18n::Lang;
use crate::web::forms::FieldErrors;

pub const TITLE_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 300;
pub const NOTE_MAX: usize = 20_000;

/// A proposal as typed; kept verbatim (also across the detour through the RSVP form).
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct TopicForm {
    #[serde(skip_serializing)]
    pub csrf: String,
    pub title: String,
    pub description: String,
    pub lang: String,
    /// Honeypot: hidden from people, filled in by bots.
    #[serde(skip_serializing)]
    pub website: String,
}

crate::web::forms::csrf_protected!(TopicForm);

impl TopicForm {
    pub fn blank(lang: Lang) -> TopicForm {
        TopicForm {
            lang: lang.code().to_string(),
            ..TopicForm::default()
        }
    }

    pub fn is_bot(&self) -> bool {
        !self.website.trim().is_empty()
    }

    pub fn validate(&self) -> Result<TopicInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = errors.text("title", &self.title, TITLE_MAX);
        let description = errors.optional_text("description", &self.description, DESCRIPTION_MAX);
        let lang = self.lang.parse::<Lang>().unwrap_or_else(|()| {
            errors.add("lang", "error-choose");
            Lang::De
        });
        if errors.is_empty() {
            Ok(TopicInput {
                title,
                description,
                lang,
            })
        } else {
            Err(errors)
        }
    }
}

/// Spending (`add`) or taking back (`remove`) a dot.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DotForm {
    pub csrf: String,
    pub dot: String,
}

crate::web::forms::csrf_protected!(DotForm);

/// A new revision of a session's notes.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct NoteForm {
    pub csrf: String,
    pub body: String,
    /// The revision the writer started from ("" for the first).
    pub base: String,
}

crate::web::forms::csrf_protected!(NoteForm);

impl NoteForm {
    pub fn validate(&self) -> Result<(String, Option<i64>), FieldErrors> {
        let mut errors = FieldErrors::default();
        let body = errors.text("body", &self.body, NOTE_MAX);
        let base = errors.optional_id("body", &self.base);
        if errors.is_empty() {
            Ok((body, base))
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposal_needs_a_title_and_a_known_language() {
        let form = TopicForm {
            title: "  ".into(),
            lang: "fr".into(),
            description: "x".repeat(DESCRIPTION_MAX + 1),
            ..TopicForm::default()
        };
        let errors = form.validate().expect_err("invalid");
        assert_eq!(errors.get("title"), Some("error-required"));
        assert_eq!(errors.get("lang"), Some("error-choose"));
        assert_eq!(errors.get("description"), Some("error-too-long"));
    }

    #[test]
    fn the_draft_keeps_what_was_typed_but_not_the_token() {
        let form = TopicForm {
            csrf: "secret".into(),
            title: "Code-Katas".into(),
            lang: "de".into(),
            ..TopicForm::default()
        };
        let json = serde_json::to_string(&form).expect("json");
        assert!(!json.contains("secret"));
        let back: TopicForm = serde_json::from_str(&json).expect("back");
        assert_eq!(back.title, "Code-Katas");
    }
}
