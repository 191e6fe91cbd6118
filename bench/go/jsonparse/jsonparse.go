// Package jsonparse decodes the generated benchmark document (written by
// bench/jsondoc.py) into typed structs with encoding/json. The Rust side,
// bench/rust/src/lib.rs, declares the same types.
package jsonparse

import (
	"encoding/json"
	"fmt"
	"os"
)

// Document is the whole file: the users, and how many users and orders it
// holds so a decode can be checked.
type Document struct {
	Seed   uint64 `json:"seed"`
	Count  int    `json:"count"`
	Orders int    `json:"orders"`
	Users  []User `json:"users"`
}

// User is one record with nested objects and arrays.
type User struct {
	ID      uint64   `json:"id"`
	Name    string   `json:"name"`
	Email   string   `json:"email"`
	Active  bool     `json:"active"`
	Score   float64  `json:"score"`
	Tags    []string `json:"tags"`
	Address Address  `json:"address"`
	Orders  []Order  `json:"orders"`
	Bio     string   `json:"bio"`
}

// Address is a nested object of strings.
type Address struct {
	Street  string `json:"street"`
	City    string `json:"city"`
	Zip     string `json:"zip"`
	Country string `json:"country"`
}

// Order is a nested object with numbers.
type Order struct {
	ID     uint64  `json:"id"`
	Total  float64 `json:"total"`
	Items  uint32  `json:"items"`
	Status string  `json:"status"`
}

// Parse decodes one document.
func Parse(data []byte) (*Document, error) {
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

// Load reads the document at path and checks that a decode sees every user
// and order, so a misnamed field fails instead of timing less work.
func Load(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %w", path, err)
	}
	orders := 0
	for _, user := range doc.Users {
		orders += len(user.Orders)
		if user.Address.City == "" {
			return nil, fmt.Errorf("%s: user %d has no city", path, user.ID)
		}
	}
	if len(doc.Users) != doc.Count || orders != doc.Orders {
		return nil, fmt.Errorf("%s: decoded %d users and %d orders, want %d and %d",
			path, len(doc.Users), orders, doc.Count, doc.Orders)
	}
	return data, nil
}
