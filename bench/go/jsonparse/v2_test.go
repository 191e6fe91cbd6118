//go:build goexperiment.jsonv2

package jsonparse

import (
	jsonv2 "encoding/json/v2"
	"testing"
)

// BenchmarkParseV2 decodes the document with encoding/json/v2 (built with
// GOEXPERIMENT=jsonv2) into the same structs.
func BenchmarkParseV2(b *testing.B) {
	data := document(b)
	var check Document
	if err := jsonv2.Unmarshal(data, &check); err != nil {
		b.Fatal(err)
	}
	if len(check.Users) != check.Count {
		b.Fatalf("v2 decoded %d users, want %d", len(check.Users), check.Count)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var doc Document
		if err := jsonv2.Unmarshal(data, &doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeV2 encodes the decoded document with encoding/json/v2.
func BenchmarkEncodeV2(b *testing.B) {
	doc, err := Parse(document(b))
	if err != nil {
		b.Fatal(err)
	}
	out, err := jsonv2.Marshal(doc)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonv2.Marshal(doc); err != nil {
			b.Fatal(err)
		}
	}
}
