package main

import "fmt"

// [count]
func count(words []string) map[string]int {
	seen := map[string]int{}
	for _, w := range words {
		seen[w]++
	}
	return seen
}
// [/count]

func main() {
	fmt.Println(count([]string{"go", "rust", "go"}))
}
