//! JSON: decode the generated document into typed structs with serde_json,
//! and encode the decoded structs back, one whole document per iteration.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn parse(c: &mut Criterion) {
    let data = versus_bench::load_document();
    let mut group = c.benchmark_group("json");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| versus_bench::parse(black_box(&data)).expect("the document decodes"));
    });
    let doc = versus_bench::parse(&data).expect("the document decodes");
    let encoded = versus_bench::encode(&doc).expect("the document encodes");
    group.throughput(Throughput::Bytes(encoded.len() as u64));
    group.bench_function("encode", |b| {
        b.iter(|| versus_bench::encode(black_box(&doc)).expect("the document encodes"));
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
