package jsonparse

import (
	"os"
	"testing"
)

// BenchmarkParse decodes the whole document BENCH_JSON_FILE names once per
// iteration.
func BenchmarkParse(b *testing.B) {
	path := os.Getenv("BENCH_JSON_FILE")
	if path == "" {
		b.Skip("BENCH_JSON_FILE names the document; make measure sets it")
	}
	data, err := Load(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
