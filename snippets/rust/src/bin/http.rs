//! HTTP: axum on the tokio runtime. The handler is an ordinary async
//! function; its return type says how the response is built.
//!
//! Listens on HOST:PORT (default 127.0.0.1:8080; a container sets
//! HOST=0.0.0.0) and stops gracefully on Ctrl-C or SIGTERM.

use std::env;
use std::error::Error;

use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use tokio::net::TcpListener;

// [handler]
/// The JSON body; the field names become the JSON keys.
#[derive(Serialize)]
struct Response {
    message: &'static str,
    status: u16,
}

/// Returning `Json` serializes the body and sets
/// `Content-Type: application/json`.
async fn health() -> Json<Response> {
    Json(Response {
        message: "OK",
        status: 200,
    })
}
// [/handler]

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    // [serve]
    // `get` also answers HEAD; other methods get 405 (Method
    // Not Allowed).
    let app = Router::new().route("/health", get(health));

    let host = env::var("HOST")
        .unwrap_or_else(|_| "127.0.0.1".to_string());
    let port: u16 = env::var("PORT")
        .map_or(Ok(8080), |port| port.parse())?;
    let listener =
        TcpListener::bind((host.as_str(), port)).await?;
    println!("listening on {}", listener.local_addr()?);

    // Serve until a signal arrives, then let requests in flight
    // finish.
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    // [/serve]
    Ok(())
}

/// Completes on Ctrl-C, or on SIGTERM (what `docker stop` sends).
async fn shutdown_signal() {
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        let mut sigterm = signal(SignalKind::terminate())
            .expect("installing a SIGTERM handler");
        sigterm.recv().await;
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();

    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}

// Serves: GET /health
// 200 application/json
// {"message":"OK","status":200}
