//! Typed settings read from the environment; a bad value stops start-up naming the variable.

use std::path::{Path, PathBuf};

use chrono_tz::Tz;

/// Everything the app reads from its environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    pub base_url: String,
    pub data_dir: PathBuf,
    pub timezone: Tz,
    /// 64 bytes that sign and encrypt session cookies.
    pub secret_key: Vec<u8>,
    /// Mark cookies `Secure`; on when the base URL is https.
    pub secure_cookies: bool,
    pub site_name: String,
    /// Proxies whose X-Forwarded-For is believed; empty: the peer is the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// How long an organizer session lasts.
    pub session_lifetime: SessionLifetime,
    /// lettre's SMTP URL; without it mail is written to `data_dir/mail` as .eml files.
    pub smtp_url: Option<String>,
    pub mail_from: lettre::message::Mailbox,
    pub mail_reply_to: Option<lettre::message::Mailbox>,
    /// How long before an event its attendees get a reminder.
    pub reminder_lead: chrono::Duration,
    /// Campaign mails per minute, spread evenly (across all campaigns).
    pub campaign_rate: u32,
    /// Live-board event streams one instance keeps open; more get 503.
    pub live_streams: usize,
}

/// How long an organizer session lasts: since its last use, and at most since login.
#[derive(Debug, Clone, Copy)]
pub struct SessionLifetime {
    pub idle: chrono::Duration,
    pub absolute: chrono::Duration,
}

/// A setting that could not be used, with the variable's name.
#[derive(Debug, thiserror::Error)]
#[error("{var}: {message}")]
pub struct ConfigError {
    pub var: &'static str,
    pub message: String,
}

fn bad(var: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        var,
        message: message.into(),
    }
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Reads settings through `lookup`, so tests can pass their own values.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let data_dir =
            PathBuf::from(lookup("GRILLPLATZ_DATA_DIR").unwrap_or_else(|| "data".into()));
        let bind = lookup("GRILLPLATZ_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        if bind.parse::<std::net::SocketAddr>().is_err() {
            return Err(bad(
                "GRILLPLATZ_BIND",
                format!("'{bind}' is not an address like 127.0.0.1:8080"),
            ));
        }
        let base_url = lookup("GRILLPLATZ_BASE_URL")
            .unwrap_or_else(|| format!("http://{bind}"))
            .trim_end_matches('/')
            .to_string();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(bad(
                "GRILLPLATZ_BASE_URL",
                format!("'{base_url}' must start with http:// or https://"),
            ));
        }
        let timezone_name = lookup("GRILLPLATZ_TIMEZONE").unwrap_or_else(|| "Europe/Berlin".into());
        let timezone: Tz = timezone_name.parse().map_err(|_| {
            bad(
                "GRILLPLATZ_TIMEZONE",
                format!("'{timezone_name}' is not an IANA time zone like Europe/Berlin"),
            )
        })?;
        let database_url = lookup("DATABASE_URL").unwrap_or_else(|| {
            data_dir
                .join("grillplatz.sqlite")
                .to_string_lossy()
                .into_owned()
        });
        let secret_key = match lookup("GRILLPLATZ_SECRET_KEY") {
            Some(value) => decode_secret(&value)?,
            None => Vec::new(),
        };
        let site_name = lookup("GRILLPLATZ_SITE_NAME").unwrap_or_else(|| "Grillplatz".into());
        if lookup("GRILLPLATZ_TRUST_PROXY").is_some() {
            return Err(bad(
                "GRILLPLATZ_TRUST_PROXY",
                "was replaced by GRILLPLATZ_TRUSTED_PROXIES, a list of your proxies' addresses \
                 (e.g. 10.0.0.0/8, 127.0.0.1)",
            ));
        }
        let trusted_proxies = match lookup("GRILLPLATZ_TRUSTED_PROXIES") {
            None => Vec::new(),
            Some(raw) => parse_networks(&raw).map_err(|entry| {
                bad(
                    "GRILLPLATZ_TRUSTED_PROXIES",
                    format!("'{entry}' is not an address or network like 10.0.0.0/8 or ::1"),
                )
            })?,
        };
        let session_lifetime = SessionLifetime {
            idle: chrono::Duration::hours(number(
                &lookup,
                "GRILLPLATZ_SESSION_IDLE_HOURS",
                12,
                1..=24 * 30,
                "hours",
            )?),
            absolute: chrono::Duration::days(number(
                &lookup,
                "GRILLPLATZ_SESSION_MAX_DAYS",
                14,
                1..=365,
                "days",
            )?),
        };
        let smtp_url = lookup("SMTP_URL");
        if let Some(url) = &smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(bad("SMTP_URL", "must start with smtp:// or smtps://"));
        }
        let mailbox = |var: &'static str, value: String| {
            value.parse::<lettre::message::Mailbox>().map_err(|_| {
                bad(
                    var,
                    format!("'{value}' is not an address like Grillplatz <grill@example.org>"),
                )
            })
        };
        let mail_from = mailbox(
            "GRILLPLATZ_MAIL_FROM",
            lookup("GRILLPLATZ_MAIL_FROM")
                .unwrap_or_else(|| format!("{site_name} <grillplatz@localhost>")),
        )?;
        let mail_reply_to = match lookup("GRILLPLATZ_MAIL_REPLY_TO") {
            Some(value) => Some(mailbox("GRILLPLATZ_MAIL_REPLY_TO", value)?),
            None => None,
        };
        let reminder_hours = match lookup("GRILLPLATZ_REMINDER_HOURS") {
            None => 48,
            Some(raw) => raw
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|h| (1..=24 * 60).contains(h))
                .ok_or_else(|| {
                    bad(
                        "GRILLPLATZ_REMINDER_HOURS",
                        format!("'{raw}' is not a number of hours from 1 to 1440"),
                    )
                })?,
        };
        let campaign_rate = match lookup("GRILLPLATZ_CAMPAIGN_RATE") {
            None => 60,
            Some(raw) => raw
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|r| (1..=1_000_000).contains(r))
                .ok_or_else(|| {
                    bad(
                        "GRILLPLATZ_CAMPAIGN_RATE",
                        format!("'{raw}' is not a number of mails per minute from 1 to 1000000"),
                    )
                })?,
        };
        let live_streams = match lookup("GRILLPLATZ_LIVE_STREAMS") {
            None => 500,
            Some(raw) => raw
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=100_000).contains(n))
                .ok_or_else(|| {
                    bad(
                        "GRILLPLATZ_LIVE_STREAMS",
                        format!("'{raw}' is not a number of open streams from 1 to 100000"),
                    )
                })?,
        };
        Ok(Config {
            live_streams,
            reminder_lead: chrono::Duration::hours(reminder_hours),
            campaign_rate,
            smtp_url,
            mail_from,
            mail_reply_to,
            database_url,
            secure_cookies: base_url.starts_with("https://"),
            bind,
            base_url,
            data_dir,
            timezone,
            secret_key,
            site_name,
            trusted_proxies,
            session_lifetime,
        })
    }

    /// Loads the secret key from `data_dir/secret.key`, creating it on first start,
    /// unless `GRILLPLATZ_SECRET_KEY` already gave one.
    pub fn ensure_secret_key(&mut self) -> Result<(), ConfigError> {
        if !self.secret_key.is_empty() {
            return Ok(());
        }
        let path = self.data_dir.join("secret.key");
        self.secret_key = load_or_create_secret(&path)?;
        Ok(())
    }
}

/// A whole number setting within `range`, or `default` when unset.
fn number(
    lookup: &impl Fn(&str) -> Option<String>,
    var: &'static str,
    default: i64,
    range: std::ops::RangeInclusive<i64>,
    unit: &str,
) -> Result<i64, ConfigError> {
    let Some(raw) = lookup(var) else {
        return Ok(default);
    };
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            bad(
                var,
                format!(
                    "'{raw}' is not a number of {unit} from {} to {}",
                    range.start(),
                    range.end()
                ),
            )
        })
}

/// Comma- or space-separated addresses and networks; a bare address is a network of one.
fn parse_networks(raw: &str) -> Result<Vec<ipnet::IpNet>, String> {
    raw.split([',', ' '])
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            entry
                .parse::<ipnet::IpNet>()
                .or_else(|_| entry.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| entry.to_string())
        })
        .collect()
}

fn decode_secret(value: &str) -> Result<Vec<u8>, ConfigError> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(value.trim())
        .or_else(|_| hex::decode(value.trim()))
        .map_err(|_| {
            bad(
                "GRILLPLATZ_SECRET_KEY",
                "must be 64 random bytes, base64- or hex-encoded (openssl rand -base64 64)",
            )
        })?;
    if bytes.len() < 64 {
        return Err(bad(
            "GRILLPLATZ_SECRET_KEY",
            format!("has {} bytes, needs at least 64", bytes.len()),
        ));
    }
    Ok(bytes)
}

fn load_or_create_secret(path: &Path) -> Result<Vec<u8>, ConfigError> {
    if let Ok(text) = std::fs::read_to_string(path) {
        return decode_secret(&text).map_err(|e| {
            bad(
                "GRILLPLATZ_DATA_DIR",
                format!("{}: {}", path.display(), e.message),
            )
        });
    }
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = vec![0u8; 64];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let text = base64::engine::general_purpose::STANDARD.encode(&bytes);
    write_private(path, &text).map_err(|e| {
        bad(
            "GRILLPLATZ_DATA_DIR",
            format!("cannot write {}: {e}", path.display()),
        )
    })?;
    Ok(bytes)
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    use std::io::Write;
    options.open(path)?.write_all(text.as_bytes())
}

impl Config {
    /// Who outgoing mail is from, and the host part of its Message-IDs.
    pub fn sender(&self) -> crate::mail::transport::Sender {
        crate::mail::transport::Sender {
            domain: self.mail_from.email.domain().to_string(),
            from: self.mail_from.clone(),
            reply_to: self.mail_reply_to.clone(),
        }
    }

    /// What event emails need: links, the site's name and the key manage links derive from.
    pub fn mail_context(&self) -> crate::mail::links::MailContext {
        crate::mail::links::MailContext::new(&self.base_url, &self.site_name, &self.secret_key)
            .with_organizer(self.mail_from.email.as_ref())
            .with_site_tz(self.timezone)
    }

    /// The transport `SMTP_URL` names, else .eml files under the data directory.
    pub fn transport(&self) -> anyhow::Result<crate::mail::transport::Transport> {
        crate::mail::transport::Transport::new(self.smtp_url.as_deref(), self.data_dir.join("mail"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn defaults_need_no_configuration() {
        let config = with(&[]).expect("defaults");
        assert_eq!(config.bind, "127.0.0.1:8080");
        assert_eq!(config.base_url, "http://127.0.0.1:8080");
        assert_eq!(config.database_url, "data/grillplatz.sqlite");
        assert_eq!(config.timezone, chrono_tz::Europe::Berlin);
        assert!(!config.secure_cookies);
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (var, value) in [
            ("GRILLPLATZ_BIND", "localhost"),
            ("GRILLPLATZ_BASE_URL", "grill.example.org"),
            ("GRILLPLATZ_TIMEZONE", "Mars/Olympus"),
            ("GRILLPLATZ_SECRET_KEY", "too-short"),
            ("GRILLPLATZ_TRUST_PROXY", "true"),
            ("GRILLPLATZ_TRUSTED_PROXIES", "10.0.0.0/33"),
            ("GRILLPLATZ_TRUSTED_PROXIES", "proxy.example.org"),
            ("GRILLPLATZ_SESSION_IDLE_HOURS", "0"),
            ("GRILLPLATZ_SESSION_MAX_DAYS", "forever"),
            ("SMTP_URL", "mail.example.org"),
            ("GRILLPLATZ_MAIL_FROM", "not an address"),
            ("GRILLPLATZ_REMINDER_HOURS", "soon"),
            ("GRILLPLATZ_LIVE_STREAMS", "0"),
        ] {
            let err = with(&[(var, value)]).expect_err(var);
            assert_eq!(err.var, var);
            assert!(err.to_string().starts_with(var), "{err}");
        }
    }

    #[test]
    fn secret_key_is_generated_once_and_reused() {
        let dir = tempfile::tempdir().expect("dir");
        let data = dir.path().to_string_lossy().into_owned();
        let mut first = with(&[("GRILLPLATZ_DATA_DIR", &data)]).expect("config");
        first.ensure_secret_key().expect("generated");
        let mut second = with(&[("GRILLPLATZ_DATA_DIR", &data)]).expect("config");
        second.ensure_secret_key().expect("loaded");
        assert_eq!(first.secret_key.len(), 64);
        assert_eq!(first.secret_key, second.secret_key);
    }
}
