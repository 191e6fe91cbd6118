package search

import (
	"os"
	"slices"
	"strconv"
	"testing"
)

// items is the array size BENCH_SEARCH_ITEMS asks for (default 10 million).
func items(b *testing.B) int {
	env := os.Getenv("BENCH_SEARCH_ITEMS")
	if env == "" {
		return 10_000_000
	}
	n, err := strconv.Atoi(env)
	if err != nil {
		b.Fatalf("BENCH_SEARCH_ITEMS: %v", err)
	}
	return n
}

var found int

// BenchmarkBinarySearch does one slices.BinarySearch per iteration, cycling
// through the precomputed keys.
func BenchmarkBinarySearch(b *testing.B) {
	n := items(b)
	values, keys := SortedValues(n), LookupKeys(n)
	hits, even := 0, 0
	for _, key := range keys {
		if _, ok := slices.BinarySearch(values, key); ok {
			hits++
		}
		if key%2 == 0 {
			even++
		}
	}
	if hits != even {
		b.Fatalf("%d keys found, want the %d even ones", hits, even)
	}

	i := 0
	for b.Loop() {
		i = (i + 1) & (Keys - 1)
		if _, ok := slices.BinarySearch(values, keys[i]); ok {
			found++
		}
	}
}
