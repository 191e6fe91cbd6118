// Memory: Go decides where a value lives (escape analysis) and the garbage
// collector frees it once nothing refers to it any more.
package main

import (
	"fmt"
	"log"
)

// [user]

// User is a plain struct; callers share one through a pointer.
type User struct {
	ID    int
	Name  string
	Email string
}

// [/user]

// [get-user]

// getUser returns a pointer to a new User. The User outlives
// this call, so the compiler puts it on the heap; the garbage
// collector frees it some time after the last pointer to it is
// gone.
func getUser(id int) (*User, error) {
	user := &User{
		ID: id, Name: "Alice", Email: "alice@example.com",
	}
	return user, nil
}

// [/get-user]

func main() {
	user, err := getUser(1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("User %d: %s (%s)\n", user.ID, user.Name, user.Email)
}

// Output:
// User 1: Alice (alice@example.com)
