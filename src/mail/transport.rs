//! Delivery: SMTP when `SMTP_URL` is set, else `.eml` files in the data directory.

use std::path::PathBuf;

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::Claimed;

/// Why a message was not delivered.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The server refused for good (SMTP 5xx): retrying will not help.
    #[error("permanent: {0}")]
    Permanent(String),
    #[error("temporary: {0}")]
    Temporary(String),
    /// The message could not be built (an address that does not parse, say).
    #[error("cannot build the message: {0}")]
    Invalid(String),
    /// Not sent: the address is on the suppression list.
    #[error("not sent: the address {0}")]
    Suppressed(&'static str),
}

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// Sender details from the settings.
#[derive(Debug, Clone)]
pub struct Sender {
    pub from: Mailbox,
    pub reply_to: Option<Mailbox>,
    /// Host part of Message-IDs.
    pub domain: String,
}

impl Transport {
    /// SMTP from a lettre URL (`smtp://user:pass@host:587?tls=required`), or files in `dir`.
    pub fn new(smtp_url: Option<&str>, dir: PathBuf) -> anyhow::Result<Transport> {
        match smtp_url {
            Some(url) => Ok(Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("SMTP_URL: {e}"))?
                    .timeout(Some(std::time::Duration::from_secs(20)))
                    .build(),
            )),
            None => {
                std::fs::create_dir_all(&dir).map_err(|e| {
                    anyhow::anyhow!("GRILLPLATZ_DATA_DIR: cannot create {}: {e}", dir.display())
                })?;
                Ok(Transport::Files(AsyncFileTransport::<Tokio1Executor>::new(
                    dir,
                )))
            }
        }
    }

    pub async fn send(&self, sender: &Sender, row: &Claimed) -> Result<(), SendError> {
        let message = build(sender, row).map_err(|e| SendError::Invalid(e.to_string()))?;
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| {
                if e.is_permanent() {
                    SendError::Permanent(e.to_string())
                } else {
                    SendError::Temporary(e.to_string())
                }
            }),
            Transport::Files(files) => files
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError::Temporary(e.to_string())),
        }
    }
}

/// `List-Unsubscribe: <https://…>, <mailto:…>` (RFC 2369).
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): mail programs may
/// unsubscribe with one POST, without opening a page.
#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_string())
    }
}

/// The MIME message: text and HTML as alternatives, plus the event as .ics where there is one.
fn build(sender: &Sender, row: &Claimed) -> anyhow::Result<Message> {
    let to: Mailbox = row.recipient.parse()?;
    let mut builder = Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(row.subject.clone())
        // Stable per message, so a rare re-send after a crash is recognised as the same mail.
        .message_id(Some(format!("<outbox-{}@{}>", row.id, sender.domain)))
        .date_now();
    if let Some(reply_to) = &sender.reply_to {
        builder = builder.reply_to(reply_to.clone());
    }
    if let Some(url) = &row.unsubscribe_url {
        // The mailto variant goes to whoever reads replies; mail programs prefer the URL.
        let inbox = sender.reply_to.as_ref().unwrap_or(&sender.from);
        builder = builder
            .header(ListUnsubscribe(format!(
                "<{url}>, <mailto:{}?subject=unsubscribe>",
                inbox.email
            )))
            .header(ListUnsubscribePost);
    }
    let alternative =
        MultiPart::alternative_plain_html(row.body_text.clone(), row.body_html.clone());
    let message = match &row.ics {
        Some(ics) => builder.multipart(MultiPart::mixed().multipart(alternative).singlepart(
            Attachment::new("event.ics".to_string()).body(
                ics.clone(),
                ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")?,
            ),
        ))?,
        None => builder.multipart(alternative)?,
    };
    Ok(message)
}
