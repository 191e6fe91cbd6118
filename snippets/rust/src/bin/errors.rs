//! Errors: a function that can fail returns `Result`. `?` hands an error to
//! the caller, converting it with `From`; thiserror writes those `From`
//! impls and the messages; callers `match` on the variants.

use std::error::Error;
use std::{env, fs, io, process};

use serde::Deserialize;
use thiserror::Error;

/// What the JSON file holds; serde derives the decoding.
#[derive(Debug, Deserialize)]
struct Config {
    name: String,
    port: u16,
    debug: bool,
}

// [parse-config]
/// Every way `parse_config` can fail, as one enum the caller
/// can match on.
#[derive(Debug, Error)]
enum ConfigError {
    #[error("reading config: {0}")]
    Io(#[from] io::Error),
    #[error("parsing config: {0}")]
    Parse(#[from] serde_json::Error),
}

/// Reads and decodes a JSON config file. `?` returns early
/// on failure, turning the `io::Error` or `serde_json::Error`
/// into a `ConfigError`.
fn parse_config(path: &str) -> Result<Config, ConfigError> {
    let data = fs::read_to_string(path)?;
    let config = serde_json::from_str(&data)?;
    Ok(config)
}
// [/parse-config]

fn main() -> Result<(), Box<dyn Error>> {
    // Work in a scratch directory, like the Go version.
    let dir = env::temp_dir()
        .join(format!("versus-errors-{}", process::id()));
    fs::create_dir_all(&dir)?;
    env::set_current_dir(&dir)?;
    fs::write(
        "config.json",
        r#"{"name": "api", "port": 9090, "debug": true}"#,
    )?;
    fs::write(
        "broken.json",
        r#"{"name": "api", "port": 9090,}"#,
    )?;

    // [usage]
    for path in ["config.json", "missing.json", "broken.json"] {
        match &parse_config(path) {
            Ok(config) => println!(
                "{path}: name={:?} port={} debug={}",
                config.name, config.port, config.debug
            ),
            Err(err @ ConfigError::Io(io))
                if io.kind() == io::ErrorKind::NotFound =>
            {
                println!(
                    "{path}: no such file, skipped ({err})"
                );
            }
            Err(err @ ConfigError::Parse(json))
                if json.is_syntax() =>
            {
                println!(
                    "{path}: bad JSON at line {}, column {} ({err})",
                    json.line(),
                    json.column()
                )
            }
            Err(err) => println!("{path}: {err}"),
        }
    }
    // [/usage]

    fs::remove_dir_all(&dir)?;
    Ok(())
}

// Output:
// config.json: name="api" port=9090 debug=true
// missing.json: no such file, skipped (reading config: No such file or directory (os error 2))
// broken.json: bad JSON at line 1, column 30 (parsing config: trailing comma at line 1 column 30)
