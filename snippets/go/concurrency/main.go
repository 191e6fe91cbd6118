// Concurrency: a fixed pool of goroutines takes jobs from one channel and
// sends results on another; a WaitGroup says when every worker is done.
package main

import (
	"fmt"
	"sync"
	"time"
)

const (
	numWorkers = 5
	numJobs    = 20
)

// [worker]

// worker doubles every job it receives until the jobs channel
// is closed. The arrows in the channel types say it only
// receives jobs and only sends results.
func worker(jobs <-chan int, results chan<- int) {
	for job := range jobs {
		// A stand-in for real work.
		time.Sleep(10 * time.Millisecond)
		results <- job * 2
	}
}

// [/worker]

func main() {
	// [fan-out]
	jobs := make(chan int, numJobs)
	results := make(chan int, numJobs)

	var wg sync.WaitGroup
	for range numWorkers {
		wg.Go(func() { worker(jobs, results) })
	}

	for job := 1; job <= numJobs; job++ {
		jobs <- job
	}
	close(jobs) // no more work: each worker's range loop ends

	// Close results once every worker has returned; that ends
	// the loop below.
	go func() {
		wg.Wait()
		close(results)
	}()

	for result := range results {
		fmt.Println(result)
	}
	// [/fan-out]
}

// Unordered output:
// 2
// 4
// 6
// 8
// 10
// 12
// 14
// 16
// 18
// 20
// 22
// 24
// 26
// 28
// 30
// 32
// 34
// 36
// 38
// 40
