use std::collections::HashMap;

// [count]
fn count(words: &[&str]) -> HashMap<&str, usize> {
    let mut seen = HashMap::new();
    for w in words {
        *seen.entry(*w).or_insert(0) += 1;
    }
    seen
}
// [/count]

fn main() {
    println!("{:?}", count(&["go", "rust", "go"]));
}
