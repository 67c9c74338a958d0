package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/internal/changefeed"
	"lsgatlas/internal/gqlhttp"
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
	// BodyTimeout bounds the time a request body may take to arrive.
	BodyTimeout time.Duration
	Limits      gqlhttp.Limits
	MaxInFlight int
	// MemoryInFlight bounds the estimated memory of the GraphQL requests running at once.
	MemoryInFlight int
	// ResponseCacheBytes bounds the cache of complete GraphQL answers; 0 turns it off.
	ResponseCacheBytes int
	// ChairMemoEdges bounds the chairs lists kept across requests at the current
	// revision (loader.ChairMemo), in edges; 0 turns the memo off.
	ChairMemoEdges int
	// LevelMemoRelations bounds the nodes kept with the levels below them across
	// requests at the current revision (loader.LevelMemo), in relationships; 0 turns
	// the memo off.
	LevelMemoRelations int
	CORSOrigins        []string
	// PersistedQueriesFile names a JSON array of GraphQL documents; when set, only
	// those run (allow-list mode).
	PersistedQueriesFile string
	// CursorKey signs the cursors of relationship connections; replicas serving one
	// client need the same. Empty: a random key per process.
	CursorKey string
	// TokenSecret verifies bearer tokens (HS256) and signs the token command's; empty
	// takes no tokens. Read from the environment only, so it never shows in a process list.
	TokenSecret string
	// JWKSURL, JWTIssuer and JWTAudience accept an identity provider's tokens besides.
	JWKSURL, JWTIssuer, JWTAudience string
	// DataDir is the embedded store's data folder; empty keeps everything in memory.
	DataDir         string
	WritesPerMinute int
	// Feed configures the change feed: how often a shared store (Neo4j) is read for
	// other replicas' changes, and the limits on live subscriptions.
	Feed        changefeed.Options
	Command     string   // serve, seed, validate, token, dump
	CommandArgs []string // the command's own flags (token, seed)
}

const usage = `Usage: lsgatlas [flags] [serve|seed|validate|token|dump]

  serve     run the GraphQL service (default)
  seed      import the dataset into the configured backend and report what changed;
            refused when the store holds accepted changes the dataset lacks, unless
            given -discard-curation
  validate  check the dataset file and exit
  token     print a development token signed with TOKEN_SECRET:
            token -role CURATOR -sub alice [-ttl 24h]
  dump      write the store's current data in the dataset format (stable order) to stdout

Backend: Neo4j when NEO4J_URI is set (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE),
otherwise the embedded store, kept in DATA_DIR.

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
	bodyTimeout, err := time.ParseDuration(env("BODY_TIMEOUT", "10s"))
	if err != nil {
		return c, fmt.Errorf("BODY_TIMEOUT: %w", err)
	}
	feedPoll, err := time.ParseDuration(env("FEED_POLL_INTERVAL", "1s"))
	if err != nil || feedPoll <= 0 {
		return c, fmt.Errorf("FEED_POLL_INTERVAL must be a positive duration, got %q", env("FEED_POLL_INTERVAL", "1s"))
	}
	fs.DurationVar(&c.Feed.PollInterval, "feed-poll-interval", feedPoll, "how often the change feed reads a shared Neo4j for other replicas' changes (the embedded store notifies instead) [FEED_POLL_INTERVAL]")
	fs.StringVar(&c.Addr, "addr", env("ADDR", ":8080"), "listen address [ADDR]")
	fs.StringVar(&c.LogLevel, "log-level", env("LOG_LEVEL", "info"), "debug, info, warn or error [LOG_LEVEL]")
	fs.StringVar(&c.LogFormat, "log-format", env("LOG_FORMAT", "json"), "json, or console for humans [LOG_FORMAT]")
	fs.BoolVar(&c.Playground, "playground", playground, "serve the GraphiQL playground at / [PLAYGROUND]")
	fs.StringVar(&c.SeedMode, "seed", env("SEED", "empty"), "load the dataset at start: empty (only into an empty store), always, never [SEED]")
	fs.StringVar(&c.SeedFile, "seed-file", env("SEED_FILE", ""), "dataset file to load instead of the bundled one [SEED_FILE]")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", timeout, "how long to let requests finish on SIGINT/SIGTERM [SHUTDOWN_TIMEOUT]")
	fs.DurationVar(&c.RequestTimeout, "request-timeout", requestTimeout, "longest a GraphQL request or export may work [REQUEST_TIMEOUT]")
	fs.DurationVar(&c.BodyTimeout, "body-timeout", bodyTimeout, "longest a request body may take to arrive; slower clients get 408 [BODY_TIMEOUT]")
	ints := []struct {
		v         *int
		flag, env string
		def       int
		usage     string
		zeroOff   bool // 0 is allowed and turns the feature off
	}{
		{&c.Limits.MaxCost, "max-cost", "QUERY_MAX_COST", gqlhttp.DefaultLimits.MaxCost, "largest computed cost of a query", false},
		{&c.Limits.MaxDepth, "max-depth", "QUERY_MAX_DEPTH", gqlhttp.DefaultLimits.MaxDepth, "deepest nesting of fields (outside introspection)", false},
		{&c.Limits.MaxQueryBytes, "max-query-bytes", "QUERY_MAX_BYTES", gqlhttp.DefaultLimits.MaxQueryBytes, "longest query text in bytes", false},
		{&c.Limits.MaxTokens, "max-tokens", "QUERY_MAX_TOKENS", gqlhttp.DefaultLimits.MaxTokens, "most lexical tokens in a query", false},
		{&c.Limits.MaxAliases, "max-aliases", "QUERY_MAX_ALIASES", gqlhttp.DefaultLimits.MaxAliases, "most aliased fields in a query", false},
		{&c.Limits.MaxFieldsPerSelection, "max-fields-per-selection", "QUERY_MAX_FIELDS_PER_SELECTION", gqlhttp.DefaultLimits.MaxFieldsPerSelection, "most fields in one selection set", false},
		{&c.Limits.ListSize, "cost-list-size", "QUERY_COST_LIST_SIZE", gqlhttp.DefaultLimits.ListSize, "items a list of nodes or relationships without first/limit counts as", false},
		{&c.Limits.MaxResolvedFields, "max-resolved-fields", "QUERY_MAX_RESOLVED_FIELDS", gqlhttp.DefaultLimits.MaxResolvedFields, "most fields one request may resolve", false},
		{&c.Limits.MaxRequestMemory, "max-request-memory", "QUERY_MAX_MEMORY_BYTES", gqlhttp.DefaultLimits.MaxRequestMemory, "memory one request may build its answer in (estimated at 1 KiB a resolved field)", false},
		{&c.MemoryInFlight, "memory-in-flight", "MEMORY_IN_FLIGHT_BYTES", gqlhttp.DefaultMemoryBudget, "estimated memory of the GraphQL requests running at once; more get 503 with Retry-After", false},
		{&c.Limits.MaxResponseBytes, "max-response-bytes", "RESPONSE_MAX_BYTES", gqlhttp.DefaultLimits.MaxResponseBytes, "largest GraphQL response in bytes", false},
		{&c.WritesPerMinute, "writes-per-minute", "WRITES_PER_MINUTE", gqlhttp.DefaultWritesPerMinute, "mutations one token may send a minute", false},
		{&c.MaxInFlight, "max-in-flight", "MAX_IN_FLIGHT", 64, "GraphQL requests and exports worked on at once, all routes together; more get 503 with Retry-After", false},
		{&c.Feed.MaxSubscribers, "max-subscribers", "MAX_SUBSCRIBERS", 10000, "live change-feed subscriptions the server holds", false},
		{&c.Feed.MaxPerClient, "max-subscribers-per-client", "MAX_SUBSCRIBERS_PER_CLIENT", 32, "live subscriptions one token (or address) may hold", false},
		{&c.Feed.MaxLag, "max-subscriber-lag", "MAX_SUBSCRIBER_LAG", 1024, "events a subscriber may fall behind before it is dropped (SLOW_SUBSCRIBER)", false},
		{&c.ResponseCacheBytes, "response-cache-bytes", "RESPONSE_CACHE_BYTES", DefaultResponseCacheBytes, "bytes of complete GraphQL answers kept for repeated queries, until the data changes; 0 turns the cache off", true},
		{&c.ChairMemoEdges, "chair-memo-edges", "CHAIR_MEMO_EDGES", gqlhttp.DefaultChairMemoEdges, "edges of the chairs lists (derived chairs included) kept across requests, until the data changes; 0 turns the memo off", true},
		{&c.LevelMemoRelations, "level-memo-relations", "LEVEL_MEMO_RELATIONS", gqlhttp.DefaultLevelMemoRelations, "relationships of the nodes read from Neo4j with the two levels below them, kept across requests until the data changes; 0 turns the memo off", true},
	}
	for _, i := range ints {
		def := i.def
		if v := getenv(i.env); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n == 0 && !i.zeroOff {
				what := "a positive integer"
				if i.zeroOff {
					what = "0 or a positive integer"
				}
				return c, fmt.Errorf("%s must be %s, got %q", i.env, what, v)
			}
			def = n
		}
		fs.IntVar(i.v, i.flag, def, i.usage+" ["+i.env+"]")
	}
	cors := fs.String("cors-origins", env("CORS_ORIGINS", ""), "comma-separated browser origins allowed to call the API; none by default [CORS_ORIGINS]")
	fs.StringVar(&c.DataDir, "data-dir", env("DATA_DIR", defaultDataDir(getenv)), "the embedded store's data folder; \"memory\" keeps nothing on disk [DATA_DIR]")
	fs.StringVar(&c.PersistedQueriesFile, "persisted-queries", env("PERSISTED_QUERIES", ""), "path of a JSON file holding an array of the only GraphQL documents allowed to run [PERSISTED_QUERIES]")
	fs.StringVar(&c.CursorKey, "cursor-key", env("CURSOR_KEY", ""), "secret that signs connection cursors; give every replica the same one (random per process when empty) [CURSOR_KEY]")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	for _, i := range ints {
		if *i.v < 0 {
			return c, fmt.Errorf("-%s must not be negative", i.flag)
		}
		if *i.v == 0 && !i.zeroOff {
			return c, fmt.Errorf("-%s must be positive", i.flag)
		}
	}
	for _, o := range strings.Split(*cors, ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	switch c.SeedMode {
	case "empty", "always", "never":
	default:
		return c, fmt.Errorf("seed mode must be empty, always or never, got %q", c.SeedMode)
	}
	if _, err := zerolog.ParseLevel(c.LogLevel); err != nil || c.LogLevel == "" {
		return c, fmt.Errorf("log level must be debug, info, warn or error, got %q", c.LogLevel)
	}
	if c.RequestTimeout <= 0 || c.BodyTimeout <= 0 || c.ShutdownTimeout < 0 {
		return c, fmt.Errorf("request and body timeouts must be positive and shutdown timeout not negative")
	}
	if c.LogFormat != "json" && c.LogFormat != "console" {
		return c, fmt.Errorf("log format must be json or console, got %q", c.LogFormat)
	}
	if c.DataDir == "memory" {
		c.DataDir = ""
	}
	c.TokenSecret = getenv("TOKEN_SECRET")
	c.JWKSURL, c.JWTIssuer, c.JWTAudience = getenv("JWKS_URL"), getenv("JWT_ISSUER"), getenv("JWT_AUDIENCE")
	c.Command = "serve"
	switch rest := fs.Args(); {
	case len(rest) == 1 && (rest[0] == "serve" || rest[0] == "validate" || rest[0] == "dump"):
		c.Command = rest[0]
	case len(rest) >= 1 && (rest[0] == "seed" || rest[0] == "token"):
		c.Command, c.CommandArgs = rest[0], rest[1:]
	case len(rest) > 0:
		fs.Usage()
		return c, fmt.Errorf("unknown command %q", rest)
	}
	return c, nil
}

// defaultDataDir is where `go run .` keeps the embedded store with no setup: the
// XDG data folder ($XDG_DATA_HOME/lsgatlas, else ~/.local/share/lsgatlas). Without a
// home folder (a bare container, the tests) the store lives in memory.
func defaultDataDir(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "lsgatlas")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "lsgatlas")
	}
	return "memory"
}

func newLogger(c config, w io.Writer) zerolog.Logger {
	level, _ := zerolog.ParseLevel(c.LogLevel)
	if c.LogFormat == "console" {
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger()
}

// DefaultResponseCacheBytes is the default bound of the cache of complete answers.
const DefaultResponseCacheBytes = 64 << 20
