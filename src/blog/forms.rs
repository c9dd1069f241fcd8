//! The public comment form and its validation.

use serde::Deserialize;

use crate::web::forms::{Email, FieldErrors};

pub const NAME_MAX: usize = 100;
pub const BODY_MAX: usize = 5000;

/// What a visitor typed into the comment form; kept verbatim to show it again.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct CommentForm {
    pub name: String,
    pub email: String,
    pub body: String,
    pub csrf: String,
    /// Honeypot: hidden from people, filled in by bots.
    pub website: String,
}

crate::web::forms::csrf_protected!(CommentForm);

/// A comment that passed validation.
#[derive(Debug)]
pub struct ValidComment {
    pub name: String,
    pub email: Email,
    pub body: String,
}

impl CommentForm {
    pub fn validate(&self) -> Result<ValidComment, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.text("name", &self.name, NAME_MAX);
        let email = errors.email("email", &self.email);
        let body = errors.text("body", &self.body, BODY_MAX);
        match email {
            Some(email) if errors.is_empty() => Ok(ValidComment { name, email, body }),
            _ => Err(errors),
        }
    }

    pub fn is_bot(&self) -> bool {
        !self.website.trim().is_empty()
    }
}
