//! Concurrency: async functions on the tokio runtime. One future per job,
//! at most five of them running at once, like the Go version's pool of five
//! workers; `buffer_unordered` yields each result as soon as its job
//! finishes. (For CPU-heavy jobs, start each one with `tokio::spawn` or a
//! `tokio::task::JoinSet` so they also run in parallel on all cores.)

use std::time::Duration;

use futures::stream::{self, StreamExt};

const WORKERS: usize = 5;
const JOBS: u32 = 20;

// [worker]
/// One job: wait without blocking a thread, then double the
/// input. Calling `process` does nothing yet: it returns a
/// future that does the work when it is awaited.
async fn process(job: u32) -> u32 {
    // A stand-in for real work.
    tokio::time::sleep(Duration::from_millis(10)).await;
    job * 2
}
// [/worker]

#[tokio::main]
async fn main() {
    // [fan-out]
    let mut results = stream::iter(1..=JOBS)
        .map(process)
        .buffer_unordered(WORKERS); // at most WORKERS at once

    while let Some(result) = results.next().await {
        println!("{result}");
    }
    // [/fan-out]
}

// Unordered output:
// 2
// 4
// 6
// 8
// 10
// 12
// 14
// 16
// 18
// 20
// 22
// 24
// 26
// 28
// 30
// 32
// 34
// 36
// 38
// 40
