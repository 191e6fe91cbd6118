//! Binary search: one `slice::binary_search` per iteration over the sorted
//! array, cycling through the precomputed random keys.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use versus_bench::KEYS;

fn binary_search(c: &mut Criterion) {
    let items = versus_bench::search_items();
    let values = versus_bench::sorted_values(items);
    let keys = versus_bench::lookup_keys(items);
    let hits = keys.iter().filter(|&&key| key % 2 == 0).count();
    assert_eq!(
        hits,
        keys.iter()
            .filter(|key| values.binary_search(key).is_ok())
            .count(),
        "even keys are found, odd keys are not"
    );

    let mut group = c.benchmark_group("search");
    let mut i = 0;
    group.bench_function("binary_search", |b| {
        b.iter(|| {
            i = (i + 1) & (KEYS - 1);
            values.binary_search(black_box(&keys[i])).is_ok()
        });
    });
    group.finish();
}

criterion_group!(benches, binary_search);
criterion_main!(benches);
