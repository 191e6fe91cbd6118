// HTTP: the standard library's server and router are production-ready; no
// framework is needed for a JSON health endpoint.
//
// Listens on HOST:PORT (default 127.0.0.1:8080; a container sets
// HOST=0.0.0.0) and stops gracefully on Ctrl-C or SIGTERM.
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// [handler]

// Response is the JSON body; the struct tags name the JSON
// fields.
type Response struct {
	Message string `json:"message"`
	Status  int    `json:"status"`
}

// health answers GET /health. Headers must be set before the
// body is written: the first write sends them.
func health(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	body := Response{Message: "OK", Status: http.StatusOK}
	if err := json.NewEncoder(w).Encode(body); err != nil {
		log.Printf("writing response: %v", err)
	}
}

// [/handler]

func main() {
	// [serve]
	mux := http.NewServeMux()
	// A method in the pattern needs Go 1.22 or later.
	mux.HandleFunc("GET /health", health)

	host := cmp.Or(os.Getenv("HOST"), "127.0.0.1")
	port := cmp.Or(os.Getenv("PORT"), "8080")
	addr := net.JoinHostPort(host, port)
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("listening on", listener.Addr())

	server := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}
	if err := serveUntilSignal(server, listener); err != nil {
		log.Fatal(err)
	}
	// [/serve]
}

// serveUntilSignal serves requests until Ctrl-C or SIGTERM (what `docker
// stop` sends), then shuts down gracefully: it stops accepting connections
// and gives requests in flight five seconds to finish.
func serveUntilSignal(server *http.Server, listener net.Listener) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	served := make(chan error, 1)
	go func() { served <- server.Serve(listener) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return server.Shutdown(shutdownCtx)
}

// Serves: GET /health
// 200 application/json
// {"message":"OK","status":200}
