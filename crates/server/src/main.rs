use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Parser;
use statuslab_server::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            // Help and version are successes; anything else is bad input.
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let outcome = match cli.command {
        Command::Serve { addr, dist } => return serve(&addr, dist),
        Command::Lint { input, request, now, format, min_severity, follow } => cli::lint_command(
            input.as_deref(),
            request.as_deref(),
            now.as_deref(),
            format,
            min_severity,
            follow,
            &mut std::io::stdin(),
        ),
        Command::Explain { key } => cli::explain_command(&key),
        Command::Rules { format } => cli::rules_command(format),
        Command::Codes { format } => cli::codes_command(format),
        Command::Cors { file } => cli::cors_command(file.as_deref(), &mut std::io::stdin()),
    };
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.code as u8)
}

fn serve(addr: &str, dist: std::path::PathBuf) -> ExitCode {
    let addr: SocketAddr = match addr.parse() {
        Ok(a) => a,
        Err(_) => {
            eprintln!("error: --addr `{addr}` is not HOST:PORT (e.g. 127.0.0.1:8080)");
            return ExitCode::from(2);
        }
    };
    if !dist.join("index.html").is_file() {
        eprintln!(
            "warning: {}/index.html not found; the simulator API works, the app pages answer 503 until the app is built",
            dist.display()
        );
    }
    let rt = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    rt.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: cannot listen on {addr}: {e}");
                return ExitCode::from(2);
            }
        };
        let app = statuslab_server::router(statuslab_server::AppState::new(dist));
        println!("Status Lab is running at http://{addr}/  (simulator: http://{addr}/api/status/401)");
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        match axum::serve(listener, app).with_graceful_shutdown(shutdown).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: server failed: {e}");
                ExitCode::from(1)
            }
        }
    })
}
