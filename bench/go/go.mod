module example.com/sphinx-versus/bench

go 1.26
