// Errors: functions return an error value next to their result; callers
// check it, add context with %w, and inspect the chain with errors.Is and
// errors.AsType.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
)

// Config is what the JSON file holds.
type Config struct {
	Name  string `json:"name"`
	Port  int    `json:"port"`
	Debug bool   `json:"debug"`
}

// [parse-config]

// parseConfig reads and decodes a JSON config file. Each
// failure is wrapped with %w: the message gains context and the
// cause stays inspectable.
func parseConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}

	var config Config
	if err := json.Unmarshal(data, &config); err != nil {
		return nil, fmt.Errorf("parsing config: %w", err)
	}
	return &config, nil
}

// [/parse-config]

func main() {
	// Work in a scratch directory, so error messages show short file names.
	dir, err := os.MkdirTemp("", "versus-errors-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := os.Chdir(dir); err != nil {
		log.Fatal(err)
	}
	samples := map[string]string{
		"config.json": `{"name": "api", "port": 9090, "debug": true}`,
		"broken.json": `{"name": "api", "port": 9090,}`,
	}
	for name, text := range samples {
		if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
			log.Fatal(err)
		}
	}

	// [usage]
	for _, path := range []string{"config.json", "missing.json", "broken.json"} {
		config, err := parseConfig(path)
		if err == nil {
			fmt.Printf("%s: name=%q port=%d debug=%t\n",
				path, config.Name, config.Port, config.Debug)
			continue
		}
		// errors.Is and errors.AsType look through every %w layer.
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Printf("%s: no such file, skipped (%v)\n", path, err)
		} else if syntaxErr, ok := errors.AsType[*json.SyntaxError](err); ok {
			fmt.Printf("%s: bad JSON at byte %d (%v)\n", path, syntaxErr.Offset, err)
		} else {
			fmt.Printf("%s: %v\n", path, err)
		}
	}
	// [/usage]
}

// Output:
// config.json: name="api" port=9090 debug=true
// missing.json: no such file, skipped (reading config: open missing.json: no such file or directory)
// broken.json: bad JSON at byte 30 (parsing config: invalid character '}' looking for beginning of object key string)
