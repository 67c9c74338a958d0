package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"strings"
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
// the two-level query's reads as the service sends them, per level (list_asc, then
// relations_of_asks for the groups' chairs and members and for the posts' holders, each
// with the far ends' labels; read from neo4j/cypher: run from the repository root), against the same reads as one statement (two_level.cypher), each in
// one read transaction, interleaved round by round, one client and then clients at once.
func compareStatements(ctx context.Context, cfg neo4j.Config, clients, rounds int, per time.Duration) error {
	file := func(name string) (string, error) {
		b, err := os.ReadFile("neo4j/cypher/" + name + ".cypher")
		return string(b), err
	}
	texts := map[string]string{}
	for _, name := range []string{"list_asc", "relations_of_asks"} {
		t, err := file(name)
		if err != nil {
			return fmt.Errorf("run from the repository root: %w", err)
		}
		texts[name] = t
	}
	drv, err := driver.NewDriverWithContext(cfg.URI, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	ns := cfg.Namespace
	ask := func(keys []string, types ...string) map[string]any {
		return map[string]any{"keys": keys, "types": types, "roles": []string{}, "outgoing": false, "incoming": true,
			"asOfFrom": nil, "asOfTo": nil, "sources": []string{}, "includeRelayed": false, "tiers": []string{}}
	}
	perLevel := func(tx driver.ExplicitTransaction) error {
		run := func(name string, p map[string]any) ([]*driver.Record, error) {
			p["ns"] = ns
			res, err := tx.Run(ctx, texts[name], p)
			if err != nil {
				return nil, err
			}
			return res.Collect(ctx)
		}
		recs, err := run("list_asc", map[string]any{"nodeKind": "GROUP", "kinds": []string{}, "systems": []string{}, "levels": []string{},
			"horizons": []string{}, "categories": []string{}, "crossSystem": nil, "activeFrom": nil, "activeTo": nil, "nameContains": nil,
			"sources": []string{}, "tiers": []string{}, "orderBy": "NAME", "afterKey": nil, "afterId": nil, "limit": int64(100), "props": []string{"id", "nodeKind", "name"}})
		if err != nil {
			return err
		}
		page, _ := recs[0].Get("page")
		var groups []string
		for _, v := range page.([]any) {
			groups = append(groups, ns+":"+v.([]any)[0].(string))
		}
		ends := []string{"id", "nodeKind", "name", "title"}
		rels, err := run("relations_of_asks", map[string]any{"asks": []any{ask(groups, "CHAIRS"), ask(groups, "MEMBER_OF")}, "ends": ends})
		if err != nil {
			return err
		}
		var posts []string
		for _, r := range rels {
			// The far end (the chair's post, or the member) is the first value of end.
			end, _ := r.Get("end")
			if id, _ := end.([]any)[0].(string); strings.HasPrefix(id, "position/") {
				posts = append(posts, ns+":"+id)
			}
		}
		_, err = run("relations_of_asks", map[string]any{"asks": []any{ask(posts, "HOLDS")}, "ends": ends})
		return err
	}
	oneStatement := func(tx driver.ExplicitTransaction) error {
		res, err := tx.Run(ctx, twoLevelAsOne, map[string]any{"ns": ns})
		if err == nil {
			_, err = res.Collect(ctx)
		}
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
	}{{"per level (3 statements)", perLevel}, {"one statement", oneStatement}}
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
