//! Shared inputs for the criterion benchmarks in `benches/`: the typed JSON
//! document and the sorted array with its lookup keys.
//!
//! The Go module under `bench/go` builds the same inputs the same way, so both
//! languages decode the same bytes and search for the same keys.

use std::env;
use std::fs;

use serde::{Deserialize, Serialize};

/// Seed of the lookup keys; the same in `bench/go/search`.
pub const SEED: u64 = 16;

/// Number of precomputed lookup keys (a power of two, so `i & (KEYS - 1)`
/// cycles through them without a division).
pub const KEYS: usize = 1 << 16;

/// The generated document: `bench/jsondoc.py` writes it.
#[derive(Debug, Deserialize, Serialize)]
pub struct Document {
    pub seed: u64,
    pub count: usize,
    pub orders: usize,
    pub users: Vec<User>,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct User {
    pub id: u64,
    pub name: String,
    pub email: String,
    pub active: bool,
    pub score: f64,
    pub tags: Vec<String>,
    pub address: Address,
    pub orders: Vec<Order>,
    pub bio: String,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Address {
    pub street: String,
    pub city: String,
    pub zip: String,
    pub country: String,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Order {
    pub id: u64,
    pub total: f64,
    pub items: u32,
    pub status: String,
}

/// Decodes the document.
pub fn parse(data: &[u8]) -> serde_json::Result<Document> {
    serde_json::from_slice(data)
}

/// Encodes a decoded document back to JSON.
pub fn encode(doc: &Document) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(doc)
}

/// Reads the document `BENCH_JSON_FILE` names and checks that one decode
/// sees every user and order, so a misnamed field fails instead of timing
/// less work.
pub fn load_document() -> Vec<u8> {
    let path = env::var("BENCH_JSON_FILE").expect("BENCH_JSON_FILE names the document");
    let data = fs::read(&path).unwrap_or_else(|err| panic!("reading {path}: {err}"));
    let doc = parse(&data).unwrap_or_else(|err| panic!("decoding {path}: {err}"));
    let orders: usize = doc.users.iter().map(|user| user.orders.len()).sum();
    assert_eq!(doc.users.len(), doc.count, "users in {path}");
    assert_eq!(orders, doc.orders, "orders in {path}");
    assert!(
        doc.users.iter().all(|user| !user.address.city.is_empty()),
        "every user has a city"
    );
    data
}

/// The array size `BENCH_SEARCH_ITEMS` asks for (default 10 million).
pub fn search_items() -> usize {
    env::var("BENCH_SEARCH_ITEMS").map_or(10_000_000, |items| {
        items.parse().expect("BENCH_SEARCH_ITEMS is a number")
    })
}

/// The sorted array `0, 2, 4, …`: even keys are present, odd keys are not.
pub fn sorted_values(items: usize) -> Vec<i64> {
    (0..items as i64).map(|i| 2 * i).collect()
}

/// `KEYS` pseudo-random keys in `0..2 * items` (about half of them hit),
/// from splitmix64 so Go draws the same ones.
pub fn lookup_keys(items: usize) -> Vec<i64> {
    let mut state = SEED;
    (0..KEYS)
        .map(|_| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^= z >> 31;
            (z % (2 * items as u64)) as i64
        })
        .collect()
}
