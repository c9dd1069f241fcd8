//! Links in emails: absolute URLs, and the personal tokens (HMACs under the site's
//! secret) that manage, unsubscribe and invitation links carry.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::i18n::Lang;

/// What emails need from the settings: the site's address and name, and the key
/// personal links are derived from.
#[derive(Debug, Clone)]
pub struct MailContext {
    pub base_url: String,
    pub site_name: String,
    /// Who calendar files name as ORGANIZER (the sender address).
    pub organizer_email: String,
    /// The site's time zone: mails name an event's zone where it differs.
    pub site_tz: chrono_tz::Tz,
    secret: Vec<u8>,
}

impl MailContext {
    pub fn new(base_url: &str, site_name: &str, secret: &[u8]) -> MailContext {
        MailContext {
            base_url: base_url.to_string(),
            site_name: site_name.to_string(),
            organizer_email: "grillplatz@localhost".to_string(),
            site_tz: chrono_tz::Europe::Berlin,
            secret: secret.to_vec(),
        }
    }

    pub fn with_organizer(mut self, email: &str) -> MailContext {
        self.organizer_email = email.to_string();
        self
    }

    pub fn with_site_tz(mut self, tz: chrono_tz::Tz) -> MailContext {
        self.site_tz = tz;
        self
    }

    /// The personal manage token of an RSVP: an HMAC of its id under the site's secret,
    /// so every email can carry the link while the database only keeps its hash.
    pub fn manage_token(&self, rsvp_id: i64) -> String {
        use base64::Engine;
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.secret).expect("HMAC takes keys of any length");
        mac.update(format!("rsvp-manage:{rsvp_id}").as_bytes());
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// A contact's link token for one `purpose` ("unsubscribe", "invite"): the id and an
    /// HMAC of purpose and id, so links in old mails keep working and nothing is stored.
    pub fn contact_token(&self, purpose: &str, contact_id: i64) -> String {
        use base64::Engine;
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.secret).expect("HMAC takes keys of any length");
        mac.update(format!("contact-{purpose}:{contact_id}").as_bytes());
        let tag =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{contact_id}.{tag}")
    }

    /// The contact a token was made for, if it is genuine.
    pub fn verify_contact_token(&self, purpose: &str, token: &str) -> Option<i64> {
        let (id, _) = token.split_once('.')?;
        let id: i64 = id.parse().ok()?;
        crate::tokens::same_secret(&self.contact_token(purpose, id), token).then_some(id)
    }

    pub fn unsubscribe_url(&self, lang: Lang, contact_id: i64) -> String {
        format!(
            "{}/{lang}/unsubscribe/{}",
            self.base_url,
            self.contact_token("unsubscribe", contact_id)
        )
    }

    pub fn manage_url(&self, lang: Lang, rsvp_id: i64) -> String {
        format!(
            "{}/{lang}/rsvp/{}/",
            self.base_url,
            self.manage_token(rsvp_id)
        )
    }

    /// The absolute URL of a site path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}
