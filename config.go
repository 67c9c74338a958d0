package main

import (
	"flag"
	"fmt"
	"io"

	"strconv"
	"time"

	"github.com/rs/zerolog"
)

// config is everything the service can be told. Each setting has an environment
// variable and a flag; the flag wins. The README's configuration table lists them.
type config struct {
	Addr            string
	LogLevel        string
	LogFormat       string
	Playground      bool
	SeedMode        string // empty, always, never
	SeedFile        string
	ShutdownTimeout time.Duration
	RequestTimeout  time.Duration
	Command         string // serve, seed, validate
}

const usage = `Usage: lsgatlas [flags] [serve|seed|validate]

  serve     run the GraphQL service (default)
  seed      import the dataset into the configured backend and report what changed
  validate  check the dataset file and exit

Backend: Neo4j when NEO4J_URI is set (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE),
otherwise the embedded in-process store.

Flags (each also read from the environment variable in brackets):
`

func loadConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	fs := flag.NewFlagSet("lsgatlas", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	var c config
	playground, err := strconv.ParseBool(env("PLAYGROUND", "true"))
	if err != nil {
		return c, fmt.Errorf("PLAYGROUND must be true or false, got %q", getenv("PLAYGROUND"))
	}
	timeout, err := time.ParseDuration(env("SHUTDOWN_TIMEOUT", "10s"))
	if err != nil {
		return c, fmt.Errorf("SHUTDOWN_TIMEOUT: %w", err)
	}
	requestTimeout, err := time.ParseDuration(env("REQUEST_TIMEOUT", "30s"))
	if err != nil {
		return c, fmt.Errorf("REQUEST_TIMEOUT: %w", err)
	}
	fs.StringVar(&c.Addr, "addr", env("ADDR", ":8080"), "listen address [ADDR]")
	fs.StringVar(&c.LogLevel, "log-level", env("LOG_LEVEL", "info"), "debug, info, warn or error [LOG_LEVEL]")
	fs.StringVar(&c.LogFormat, "log-format", env("LOG_FORMAT", "json"), "json, or console for humans [LOG_FORMAT]")
	fs.BoolVar(&c.Playground, "playground", playground, "serve the GraphiQL playground at / [PLAYGROUND]")
	fs.StringVar(&c.SeedMode, "seed", env("SEED", "empty"), "load the dataset at start: empty (only into an empty store), always, never [SEED]")
	fs.StringVar(&c.SeedFile, "seed-file", env("SEED_FILE", ""), "dataset file to load instead of the bundled one [SEED_FILE]")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", timeout, "how long to let requests finish on SIGINT/SIGTERM [SHUTDOWN_TIMEOUT]")
	fs.DurationVar(&c.RequestTimeout, "request-timeout", requestTimeout, "longest a GraphQL request or export may work [REQUEST_TIMEOUT]")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch c.SeedMode {
	case "empty", "always", "never":
	default:
		return c, fmt.Errorf("seed mode must be empty, always or never, got %q", c.SeedMode)
	}
	if _, err := zerolog.ParseLevel(c.LogLevel); err != nil || c.LogLevel == "" {
		return c, fmt.Errorf("log level must be debug, info, warn or error, got %q", c.LogLevel)
	}
	if c.RequestTimeout <= 0 || c.ShutdownTimeout < 0 {
		return c, fmt.Errorf("request timeout must be positive and shutdown timeout not negative")
	}
	if c.LogFormat != "json" && c.LogFormat != "console" {
		return c, fmt.Errorf("log format must be json or console, got %q", c.LogFormat)
	}
	c.Command = "serve"
	switch rest := fs.Args(); {
	case len(rest) == 1 && (rest[0] == "serve" || rest[0] == "seed" || rest[0] == "validate"):
		c.Command = rest[0]
	case len(rest) > 0:
		fs.Usage()
		return c, fmt.Errorf("unknown command %q", rest)
	}
	return c, nil
}

func newLogger(c config, w io.Writer) zerolog.Logger {
	level, _ := zerolog.ParseLevel(c.LogLevel)
	if c.LogFormat == "console" {
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger()
}
