//! Memory: every value has exactly one owner. `get_user` moves the `User`
//! out to its caller, and the memory is freed when that owner goes out of
//! scope: no garbage collector, and no manual `free` either.

use std::fmt;

// [user]
/// A plain struct that owns its strings.
#[derive(Debug)]
struct User {
    id: u32,
    name: String,
    email: String,
}

/// `Display` is what `{}` in `println!` prints for a `User`.
impl fmt::Display for User {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let User { id, name, email } = self;
        write!(f, "User {id}: {name} ({email})")
    }
}
// [/user]

// [get-user]
/// Returns the `User` itself, not a pointer to it: ownership
/// moves to the caller, who decides (by scope) when the memory
/// is freed.
fn get_user(id: u32) -> Result<User, String> {
    Ok(User {
        id,
        name: String::from("Alice"),
        email: String::from("alice@example.com"),
    })
}
// [/get-user]

fn main() {
    match get_user(1) {
        Ok(user) => println!("{user}"), // `user` is dropped (freed) right here
        Err(err) => eprintln!("Error: {err}"),
    }
}

// Output:
// User 1: Alice (alice@example.com)
