//! The `grillplatz` command: serve the site, migrate, add organizers, load demo content.

use std::io::IsTerminal;

use actix_web::{HttpServer, web};
use anyhow::Context;
use clap::{Parser, Subcommand};
use grillplatz::config::Config;
use grillplatz::db::{self, Db};
use grillplatz::i18n::Lang;
use grillplatz::mail::worker::Worker;
use grillplatz::organizers;
use grillplatz::web::forms::Email;
use grillplatz::{AppState, app};

#[derive(Parser)]
#[command(
    version,
    about = "Grillplatz: blog, events and open-space topics for community meetups"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage organizer accounts.
    Organizer {
        #[command(subcommand)]
        command: OrganizerCommand,
    },
    /// Fill an empty database with demo posts, events, comments and RSVPs.
    Demo {
        /// Make a large site instead: this many posts over ten years, 100 events with
        /// RSVPs and topic boards, 10,000 contacts.
        #[arg(long, value_name = "N")]
        scale: Option<usize>,
    },
    /// The email outbox.
    Outbox {
        #[command(subcommand)]
        command: OutboxCommand,
    },
}

#[derive(Subcommand)]
enum OutboxCommand {
    /// Send due mail: forever (a separate worker process), or until none is due with --once.
    Run {
        #[arg(long)]
        once: bool,
    },
    /// Print how many messages are pending, sending, sent and failed.
    Status,
}

#[derive(Subcommand)]
enum OrganizerCommand {
    /// Create an organizer. The password comes from GRILLPLATZ_PASSWORD or a prompt.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Language of the admin area: de or en.
        #[arg(long, default_value = "de")]
        lang: String,
    },
    /// Set a new password (from GRILLPLATZ_PASSWORD or a prompt); ends all their sessions.
    Password {
        #[arg(long)]
        email: String,
    },
    /// Close an account: no more logins, and its open sessions end at once.
    Deactivate {
        #[arg(long)]
        email: String,
    },
}

fn main() {
    if let Err(err) = run() {
        eprintln!("grillplatz: {err:#}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,actix_server=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let mut config = Config::from_env()?;
    std::fs::create_dir_all(&config.data_dir).with_context(|| {
        format!(
            "GRILLPLATZ_DATA_DIR: cannot create {}",
            config.data_dir.display()
        )
    })?;
    let pool = db::connect(&config.database_url, 10)
        .with_context(|| "DATABASE_URL: cannot open the database".to_string())?;
    let applied = db::migrate(&mut *pool.get()?)?;
    for name in &applied {
        tracing::info!(migration = %name, "applied migration");
    }
    let rendered = grillplatz::after_migrations(&mut *pool.get()?)?;
    if rendered > 0 {
        tracing::info!(rows = rendered, "rendered stored Markdown");
    }
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            config.ensure_secret_key()?;
            serve(config, Db::new(pool))
        }
        Command::Migrate => {
            println!("{} migrations applied", applied.len());
            Ok(())
        }
        Command::Organizer {
            command: OrganizerCommand::Add { email, name, lang },
        } => add_organizer(&pool, &email, &name, &lang),
        Command::Organizer {
            command: OrganizerCommand::Password { email },
        } => {
            let id = existing_organizer(&pool, &email)?;
            let hash = organizers::hash_password(&new_password()?)?;
            organizers::set_password(&mut *pool.get()?, id, &hash)?;
            println!("Password changed; every session of {email} has ended.");
            Ok(())
        }
        Command::Organizer {
            command: OrganizerCommand::Deactivate { email },
        } => {
            let id = existing_organizer(&pool, &email)?;
            organizers::deactivate(&mut *pool.get()?, id, grillplatz::clock::now())?;
            println!("{email} can no longer log in; their sessions have ended.");
            Ok(())
        }
        Command::Outbox {
            command: OutboxCommand::Status,
        } => {
            for (status, count) in grillplatz::mail::counts(&mut *pool.get()?)? {
                println!("{:<8} {count}", status.as_str());
            }
            Ok(())
        }
        Command::Outbox {
            command: OutboxCommand::Run { once },
        } => {
            config.ensure_secret_key()?;
            let db = Db::new(pool);
            actix_web::rt::System::new().block_on(async move {
                let worker = worker(&config, db.clone())?;
                actix_web::rt::spawn(grillplatz::jobs::run_forever(db, config.clone()));
                if once {
                    let pass = worker.drain().await?;
                    println!("{} sent, {} failed", pass.sent, pass.failed);
                } else {
                    worker.run_forever(std::time::Duration::from_secs(2)).await;
                }
                Ok(())
            })
        }
        Command::Demo { scale: Some(posts) } => {
            let scale = grillplatz::demo::scale::Scale::posts(posts);
            let summary = grillplatz::demo::scale::fill(&mut *pool.get()?, scale)?;
            println!(
                "Scaled demo added: {} posts, {} comments, {} events, {} contacts. Open {}/",
                summary.posts, summary.comments, summary.events, summary.contacts, config.base_url
            );
            Ok(())
        }
        Command::Demo { scale: None } => {
            let summary = grillplatz::demo::fill(&mut *pool.get()?)?;
            println!(
                "Demo content added: {} posts, {} comments, {} events, {} contacts. Open {}/",
                summary.posts, summary.comments, summary.events, summary.contacts, config.base_url
            );
            Ok(())
        }
    }
}

fn serve(config: Config, db: Db) -> anyhow::Result<()> {
    let organizer_count = organizers::count(&mut *db.pool().get()?)?;
    let bind = config.bind.clone();
    println!(
        "Grillplatz is serving {} (listening on {bind})",
        config.base_url
    );
    if organizer_count == 0 {
        println!(
            "No organizer yet. Create the first one with:\n  \
             GRILLPLATZ_PASSWORD='choose-a-long-one' cargo run --release -- organizer add --email you@example.org --name \"Your Name\""
        );
    }
    // The SMTP pool starts a task of its own: the worker is made inside the runtime.
    let worker_config = config.clone();
    let worker_db = db.clone();
    let jobs = grillplatz::jobs::run_forever(db.clone(), config.clone());
    let state = web::Data::new(AppState::new(config, db));
    actix_web::rt::System::new().block_on(async move {
        let worker = worker(&worker_config, worker_db)?;
        actix_web::rt::spawn(jobs);
        actix_web::rt::spawn(worker.run_forever(std::time::Duration::from_secs(2)));
        HttpServer::new(move || app(state.clone()))
            .bind(&bind)
            .with_context(|| format!("GRILLPLATZ_BIND: cannot listen on {bind}"))?
            .run()
            .await
            .context("server stopped")
    })
}

fn worker(config: &Config, db: Db) -> anyhow::Result<Worker> {
    Ok(Worker {
        db,
        transport: config.transport()?,
        sender: config.sender(),
        batch: 20,
        on_bounce: grillplatz::contacts::queries::mark_bouncing,
    })
}

fn add_organizer(pool: &db::DbPool, email: &str, name: &str, lang: &str) -> anyhow::Result<()> {
    let email = Email::parse(email).context("--email: not a valid email address")?;
    let name = name.trim();
    anyhow::ensure!(
        !name.is_empty() && name.chars().count() <= 100,
        "--name: give 1 to 100 characters"
    );
    let lang: Lang = lang
        .parse()
        .map_err(|()| anyhow::anyhow!("--lang: use de or en"))?;
    let password = new_password()?;
    let hash = organizers::hash_password(&password)?;
    let mut conn = pool.get()?;
    if organizers::by_email(&mut conn, email.as_str())?.is_some() {
        anyhow::bail!(
            "--email: an organizer with {} exists already",
            email.as_str()
        );
    }
    organizers::create(&mut conn, email.as_str(), name, &hash, lang)?;
    println!(
        "Organizer {} created. Log in at /admin/login",
        email.as_str()
    );
    Ok(())
}

/// A new password from GRILLPLATZ_PASSWORD, or asked twice in a terminal.
fn new_password() -> anyhow::Result<String> {
    let password = match std::env::var("GRILLPLATZ_PASSWORD") {
        Ok(p) if !p.is_empty() => p,
        _ if std::io::stdin().is_terminal() => {
            let first = rpassword::prompt_password("Password: ")?;
            let second = rpassword::prompt_password("Repeat: ")?;
            anyhow::ensure!(first == second, "the passwords differ");
            first
        }
        _ => anyhow::bail!("GRILLPLATZ_PASSWORD: set it, or run in a terminal to be asked"),
    };
    anyhow::ensure!(
        password.chars().count() >= 10,
        "the password needs at least 10 characters"
    );
    Ok(password)
}

/// The id of the organizer with `email`, or an error naming the flag.
fn existing_organizer(pool: &db::DbPool, email: &str) -> anyhow::Result<i64> {
    let email = Email::parse(email).context("--email: not a valid email address")?;
    organizers::by_email(&mut *pool.get()?, email.as_str())?
        .map(|o| o.id)
        .with_context(|| format!("--email: no organizer with {}", email.as_str()))
}
