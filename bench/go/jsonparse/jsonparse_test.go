package jsonparse

import (
	"encoding/json"
	"os"
	"testing"
)

// document reads the file BENCH_JSON_FILE names and checks one decode.
func document(b *testing.B) []byte {
	path := os.Getenv("BENCH_JSON_FILE")
	if path == "" {
		b.Skip("BENCH_JSON_FILE names the document; make measure sets it")
	}
	data, err := Load(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkParse decodes the whole document once per iteration.
func BenchmarkParse(b *testing.B) {
	data := document(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncode encodes the decoded document back to JSON once per
// iteration (the same values serde_json serialises on the Rust side).
func BenchmarkEncode(b *testing.B) {
	doc, err := Parse(document(b))
	if err != nil {
		b.Fatal(err)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(doc); err != nil {
			b.Fatal(err)
		}
	}
}
