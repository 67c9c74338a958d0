package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"sync"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"lsgatlas/neo4j"
)

// twoLevelAsOne is the two-level query as one hand-written statement.
//
//go:embed two_level.cypher
var twoLevelAsOne string

// compareStatements times, on the driver alone (no GraphQL, no decoding into atlas types),
// the two-level query's reads three ways, each in one read transaction, interleaved round
// by round, one client and then clients at once: as the service sends them (list_by_name_asc with
// its page's relations, $asks: the groups' chairs with the posts' holders as a follow-up,
// and members, with the far ends' labels); as it sent them before (list_by_name_asc, then the same
// asks in relations_of_asks); and as one hand-written statement (two_level.cypher). The
// statements are read from neo4j/cypher: run from the repository root.
func compareStatements(ctx context.Context, cfg neo4j.Config, clients, rounds int, per time.Duration) error {
	texts := map[string]string{}
	for _, name := range []string{"list_by_name_asc", "relations_of_asks"} {
		b, err := os.ReadFile("neo4j/cypher/" + name + ".cypher")
		if err != nil {
			return fmt.Errorf("run from the repository root: %w", err)
		}
		texts[name] = string(b)
	}
	drv, err := driver.NewDriverWithContext(cfg.URI, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	ns := cfg.Namespace
	ends := []string{"id", "nodeKind", "name", "title"}
	ask := func(types ...string) map[string]any {
		return map[string]any{"types": types, "roles": []string{}, "outgoing": false, "incoming": true,
			"asOfFrom": nil, "asOfTo": nil, "sources": []string{}, "includeRelayed": false, "tiers": []string{}, "then": nil}
	}
	// asks are the groups' chairs, with the holders of the posts among them, and members;
	// keys, when not nil, are the groups' (relations_of_asks).
	asks := func(keys []string) []any {
		chairs, holders, members := ask("CHAIRS"), ask("HOLDS"), ask("MEMBER_OF")
		delete(holders, "then")
		holders["kinds"] = []string{"POSITION"}
		chairs["then"] = holders
		if keys != nil {
			chairs["keys"], members["keys"] = keys, keys
		}
		return []any{chairs, members}
	}
	// count: whether the statement counts the list; the service no longer asks for a
	// count that the query does not show, and these queries show none.
	list := func(withAsks, count bool) map[string]any {
		p := map[string]any{"ns": ns, "nodeKind": "GROUP", "kinds": []string{}, "systems": []string{}, "levels": []string{},
			"horizons": []string{}, "categories": []string{}, "crossSystem": nil, "activeFrom": nil, "activeTo": nil, "nameContains": nil,
			"sources": []string{}, "tiers": []string{}, "afterKey": nil, "afterId": nil, "limit": int64(100),
			"props": []string{"id", "nodeKind", "name"}, "asks": []any{}, "nextKinds": []string{}, "ends": nil, "count": count}
		if withAsks {
			as := asks(nil)
			for _, a := range as {
				a.(map[string]any)["level"] = int64(1)
			}
			p["asks"], p["ends"] = as, ends
		}
		return p
	}
	run := func(tx driver.ExplicitTransaction, text string, p map[string]any) ([]*driver.Record, error) {
		res, err := tx.Run(ctx, text, p)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	}
	asTheServiceDoes := func(tx driver.ExplicitTransaction) error {
		_, err := run(tx, texts["list_by_name_asc"], list(true, false))
		return err
	}
	listThenRelations := func(tx driver.ExplicitTransaction) error {
		recs, err := run(tx, texts["list_by_name_asc"], list(false, true))
		if err != nil {
			return err
		}
		page, _ := recs[0].Get("page")
		var groups []string
		for _, v := range page.([]any) {
			groups = append(groups, ns+":"+v.([]any)[0].(string))
		}
		_, err = run(tx, texts["relations_of_asks"], map[string]any{"ns": ns, "asks": asks(groups), "ends": ends})
		return err
	}
	oneStatement := func(tx driver.ExplicitTransaction) error {
		_, err := run(tx, twoLevelAsOne, map[string]any{"ns": ns})
		return err
	}
	once := func(f func(driver.ExplicitTransaction) error) (time.Duration, error) {
		session := drv.NewSession(ctx, driver.SessionConfig{DatabaseName: cfg.Database, AccessMode: driver.AccessModeRead})
		defer session.Close(ctx)
		start := time.Now()
		tx, err := session.BeginTransaction(ctx)
		if err != nil {
			return 0, err
		}
		err = f(tx)
		_ = tx.Close(ctx)
		return time.Since(start), err
	}
	variants := []struct {
		name string
		f    func(driver.ExplicitTransaction) error
	}{{"list with relations (1)", asTheServiceDoes}, {"list, then relations (2)", listThenRelations}, {"hand-written (1)", oneStatement}}
	fmt.Printf("two-level query on the driver alone, one read transaction each, load average %s\n", loadAverage())
	for _, c := range []int{1, clients} {
		results := make([]result, len(variants))
		for range rounds {
			for vi, v := range variants {
				var mu sync.Mutex
				var wg sync.WaitGroup
				var failure error
				start := time.Now()
				deadline := start.Add(per)
				for range c {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for time.Now().Before(deadline) {
							d, err := once(v.f)
							mu.Lock()
							if err != nil {
								failure = err
							} else {
								results[vi].latencies = append(results[vi].latencies, d)
							}
							mu.Unlock()
							if err != nil {
								return
							}
						}
					}()
				}
				wg.Wait()
				results[vi].elapsed += time.Since(start)
				if failure != nil {
					return failure
				}
			}
		}
		for vi, v := range variants {
			fmt.Printf("%2d client(s)  %-26s %8.0f req/s  p50 %10s\n", c, v.name, results[vi].throughput(), results[vi].percentile(0.5))
		}
	}
	fmt.Printf("load average after: %s\n", loadAverage())
	return nil
}
