module example.com/sphinx-versus/snippets

go 1.26
