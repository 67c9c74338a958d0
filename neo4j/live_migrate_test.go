package neo4j_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"lsgatlas/neo4j"
	"lsgatlas/neo4j/neo4jtest"
)

var schemaName = regexp.MustCompile(`(?m)^CREATE (?:\w+ )*(?:INDEX|CONSTRAINT) (\w+) IF NOT EXISTS`)

// migrationNames reads the index and constraint names the migrations create, from the
// statement files themselves.
func migrationNames(t *testing.T) (indexes, constraints, dropped []string) {
	t.Helper()
	files, err := filepath.Glob("cypher/schema_*.cypher")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations found: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if d := dropName.FindSubmatch(b); d != nil {
			dropped = append(dropped, string(d[1]))
			continue
		}
		m := schemaName.FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s creates no named index or constraint", f)
		}
		if regexp.MustCompile(`CONSTRAINT`).Match(m[0]) {
			constraints = append(constraints, string(m[1]))
		} else {
			indexes = append(indexes, string(m[1]))
		}
	}
	return indexes, constraints, dropped
}

// dropName finds the index a migration drops (one replaced by another, whose definition
// cannot be changed in place).
var dropName = regexp.MustCompile(`DROP INDEX (\w+) IF EXISTS`)

// liveDriver is a driver on the live server, for what the store does not expose (schema,
// plans).
func liveDriver(t *testing.T, cfg neo4j.Config) driver.DriverWithContext {
	t.Helper()
	drv, err := driver.NewDriverWithContext(cfg.URI, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drv.Close(context.Background()) })
	return drv
}

func query(t *testing.T, drv driver.DriverWithContext, cfg neo4j.Config, cypher string, params map[string]any) []*driver.Record {
	t.Helper()
	res, err := driver.ExecuteQuery(context.Background(), drv, cypher, params, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(cfg.Database))
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	return res.Records
}

// TestLiveMigrations: connecting applies every migration, the indexes come online with the
// options the files ask for, and applying them again (a second store, as on every
// reconnection) changes nothing.
func TestLiveMigrations(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.OpenConfig(t, cfg)
	drv := liveDriver(t, cfg)
	query(t, drv, cfg, "CALL db.awaitIndexes(120)", nil)

	wantIndexes, wantConstraints, dropped := migrationNames(t)
	schema := func() (map[string]string, map[string]map[string]any, []string) {
		states := map[string]string{}
		options := map[string]map[string]any{}
		for _, rec := range query(t, drv, cfg, "SHOW INDEXES YIELD name, state, options", nil) {
			name, _ := rec.Get("name")
			state, _ := rec.Get("state")
			opts, _ := rec.Get("options")
			states[name.(string)] = state.(string)
			options[name.(string)], _ = opts.(map[string]any)
		}
		var constraints []string
		for _, rec := range query(t, drv, cfg, "SHOW CONSTRAINTS YIELD name", nil) {
			name, _ := rec.Get("name")
			constraints = append(constraints, name.(string))
		}
		sort.Strings(constraints)
		return states, options, constraints
	}
	states, options, constraints := schema()
	for _, name := range append(wantIndexes, wantConstraints...) {
		if states[name] != "ONLINE" {
			t.Errorf("index %s: state %q, want ONLINE", name, states[name])
		}
	}
	for _, name := range wantConstraints {
		if !contains(constraints, name) {
			t.Errorf("constraint %s missing; have %v", name, constraints)
		}
	}
	for _, name := range dropped {
		if _, ok := states[name]; ok {
			t.Errorf("index %s is still there; a migration drops it", name)
		}
	}
	for _, name := range []string{"entity_terms", "relation_terms"} {
		cfgOpts, _ := options[name]["indexConfig"].(map[string]any)
		if cfgOpts["fulltext.analyzer"] != "whitespace" {
			t.Errorf("%s analyzer: %v, want whitespace", name, cfgOpts["fulltext.analyzer"])
		}
	}

	again := cfg
	again.Namespace += "-again"
	neo4jtest.OpenConfig(t, again)
	states2, _, constraints2 := schema()
	if len(states2) != len(states) || len(constraints2) != len(constraints) {
		t.Errorf("re-applying the migrations changed the schema: %d indexes, %d constraints, then %d, %d",
			len(states), len(constraints), len(states2), len(constraints2))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
