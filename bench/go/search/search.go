// Package search builds the binary-search inputs: a sorted array and random
// lookup keys, drawn exactly as bench/rust/src/lib.rs draws them.
package search

// Seed of the lookup keys; the same in the Rust benchmark.
const Seed = 16

// Keys is the number of precomputed lookup keys (a power of two, so
// i&(Keys-1) cycles through them without a division).
const Keys = 1 << 16

// SortedValues returns 0, 2, 4, ...: even keys are present, odd keys are not.
func SortedValues(items int) []int64 {
	values := make([]int64, items)
	for i := range values {
		values[i] = 2 * int64(i)
	}
	return values
}

// LookupKeys returns Keys pseudo-random keys in [0, 2*items) (about half of
// them hit), from splitmix64.
func LookupKeys(items int) []int64 {
	keys := make([]int64, Keys)
	state := uint64(Seed)
	for i := range keys {
		state += 0x9e3779b97f4a7c15
		z := state
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		z ^= z >> 31
		keys[i] = int64(z % (2 * uint64(items)))
	}
	return keys
}
