//! The binary itself starts and serves, with the settings production uses.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .write_all(format!("GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").as_bytes())
        .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

/// With SMTP configured the mail worker builds an SMTP connection pool, which needs the
/// async runtime: `serve` once crashed on start exactly there.
#[test]
fn serve_starts_with_smtp_configured_and_answers() {
    let dir = tempfile::tempdir().expect("dir");
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_grillplatz"))
        .arg("serve")
        .env_clear()
        .env("GRILLPLATZ_DATA_DIR", dir.path())
        .env("GRILLPLATZ_BIND", format!("127.0.0.1:{port}"))
        .env("SMTP_URL", format!("smtp://127.0.0.1:{}", free_port()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start grillplatz serve");
    let mut server = Server(child);
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        if let Some(answer) = get(port, "/healthz") {
            assert!(
                answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200"),
                "{answer}"
            );
            return;
        }
        if let Ok(Some(status)) = server.0.try_wait() {
            panic!("grillplatz serve stopped on start: {status}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("grillplatz serve did not answer /healthz within 20 s");
}
