package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"time"
)

// The selections measured. Each is asked over all groups (groups(first: 100); the
// dataset has 35) by the cached and executed workloads, and over a random choice of
// groups (nodes(ids:), a new one on every request) by the varied workload.
var queries = map[string]string{
	"two-level": `id name
		chairs { holding derived node { id label } }
		members { role node { id label } }`,
	"three-level": `id name
		members { role node { id label ... on Person {
			memberships { role node { id label } }
			chairs { derived node { id label } } } } }`,
}

func listQuery(selection string) string {
	return `{ groups(first: 100) { nodes { ` + selection + ` } } }`
}

func variedQuery(selection string) string {
	return `query Varied($ids: [ID!]!) { nodes(ids: $ids) { ... on Group { ` + selection + ` } } }`
}

func requestBody(query string, variables any) []byte {
	b, err := json.Marshal(struct {
		Query     string `json:"query"`
		Variables any    `json:"variables,omitempty"`
	}{query, variables})
	if err != nil {
		panic(err) // strings and string slices always marshal
	}
	return b
}

// composed holds a varied query's answer in pieces: the service answers nodes(ids:) with
// one fragment per id, in the order asked, so the answer to any choice of ids is the
// prefix, those fragments joined by commas, and the suffix (which holds the response's
// extensions: the service names the dataset's version and revision in every answer).
type composed struct {
	Prefix    string                     `json:"prefix"`
	Suffix    string                     `json:"suffix"`
	Fragments map[string]json.RawMessage `json:"fragments"`
}

const variedPrefix, variedSuffix = `{"data":{"nodes":[`, `]}}`

// splitAnswer cuts the service's answer to nodes(ids: ids) into one fragment per id, and
// checks that putting them back together gives exactly the answer.
func splitAnswer(ids []string, answer []byte) (composed, error) {
	var decoded struct {
		Data struct {
			Nodes []json.RawMessage `json:"nodes"`
		} `json:"data"`
		Extensions json.RawMessage `json:"extensions"`
	}
	if err := json.Unmarshal(answer, &decoded); err != nil {
		return composed{}, fmt.Errorf("the answer to nodes(ids:) is not JSON: %w", err)
	}
	if len(decoded.Data.Nodes) != len(ids) {
		return composed{}, fmt.Errorf("nodes(ids:) answered %d nodes for %d ids", len(decoded.Data.Nodes), len(ids))
	}
	c := composed{Prefix: variedPrefix, Suffix: variedSuffix, Fragments: map[string]json.RawMessage{}}
	if len(decoded.Extensions) > 0 {
		c.Suffix = `]},"extensions":` + string(decoded.Extensions) + `}`
	}
	for i, id := range ids {
		c.Fragments[id] = decoded.Data.Nodes[i]
	}
	if got, _ := c.answer(ids); !bytes.Equal(got, answer) {
		return composed{}, fmt.Errorf("the answer to nodes(ids:) is not its fragments put together: %s", firstDifference(got, answer))
	}
	return c, nil
}

// answer is the answer to the ids, and false when one of them has no fragment.
func (c composed) answer(ids []string) ([]byte, bool) {
	b := make([]byte, 0, 64+len(ids)*512)
	b = append(b, c.Prefix...)
	for i, id := range ids {
		f, ok := c.Fragments[id]
		if !ok {
			return nil, false
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, f...)
	}
	return append(b, c.Suffix...), true
}

// firstDifference says where two answers first differ, with a little of each around it.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	if i == len(got) && i == len(want) {
		return "identical"
	}
	if bytes.HasPrefix(got, []byte(`{"errors"`)) {
		return fmt.Sprintf("is an error: %.400s", got)
	}
	from := max(0, i-40)
	excerpt := func(b []byte) string { return string(b[min(from, len(b)):min(i+40, len(b))]) }
	return fmt.Sprintf("differs at byte %d of %d (expected %d): got …%s… want …%s…", i, len(got), len(want), excerpt(got), excerpt(want))
}

// request makes one request of a workload: its body and the exact answer expected.
type request func(rng *rand.Rand) (body, want []byte)

func fixed(body, want []byte) request {
	return func(*rand.Rand) ([]byte, []byte) { return body, want }
}

// varied asks for a random ordered choice of subset of the groups on every request.
func varied(query string, groups []string, c composed, subset int) request {
	return func(rng *rand.Rand) ([]byte, []byte) {
		ids := slices.Clone(groups)
		rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		ids = ids[:min(subset, len(ids))]
		want, _ := c.answer(ids)
		return requestBody(query, map[string][]string{"ids": ids}), want
	}
}

// result gathers one workload's latencies and answer sizes against one server, and the
// CPU its process (and the database's, when it has one here) spent meanwhile.
type result struct {
	latencies []time.Duration
	bytes     int
	elapsed   time.Duration
	cpu, db   time.Duration
	dbKnown   bool
	errors    int    // error answers, not counted as requests
	lastError string // the last of them
}

// refused tells an error answer (an HTTP error status or a GraphQL error with no data)
// from an answer, right or wrong.
func refused(got []byte, err error) bool {
	return err != nil && got != nil || bytes.HasPrefix(got, []byte(`{"errors"`))
}

// trial runs clients closed loops (each sends its next request when the last is answered)
// for d, checking every answer byte for byte.
func (r *result) trial(client *http.Client, s *server, next request, clients int, d time.Duration, seed uint64) error {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var failure error
	cpu0, db0, err := s.cpuTimes()
	if err != nil {
		return err
	}
	start := time.Now()
	deadline := start.Add(d)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, uint64(i)))
			var mine []time.Duration
			size := 0
			for time.Now().Before(deadline) {
				body, want := next(rng)
				t0 := time.Now()
				got, err := post(client, s.url, body)
				if refused(got, err) {
					// An error answer (a busy or timed-out database, say) is counted and
					// reported; only a different answer stops the run.
					mu.Lock()
					r.errors++
					r.lastError = fmt.Sprintf("%.300s", got)
					mu.Unlock()
					continue
				}
				if err == nil && !bytes.Equal(got, want) {
					err = fmt.Errorf("answer %s", firstDifference(got, want))
				}
				if err != nil {
					mu.Lock()
					failure = err
					mu.Unlock()
					return
				}
				mine = append(mine, time.Since(t0))
				size += len(got)
			}
			mu.Lock()
			r.latencies = append(r.latencies, mine...)
			r.bytes += size
			mu.Unlock()
		}()
	}
	wg.Wait()
	r.elapsed += time.Since(start)
	cpu1, db1, err := s.cpuTimes()
	if err != nil {
		return err
	}
	r.cpu += cpu1 - cpu0
	if s.dbPID != 0 {
		r.db += db1 - db0
		r.dbKnown = true
	}
	return failure
}

func (r *result) requests() int { return len(r.latencies) }

func (r *result) throughput() float64 { return float64(r.requests()) / r.elapsed.Seconds() }

func (r *result) meanBytes() int { return r.bytes / max(1, r.requests()) }

// cpuPerRequest is the server process's CPU per request (ticks of 10 ms, summed over the
// rounds, so a few hundred requests make it exact to a few per cent).
func (r *result) cpuPerRequest() time.Duration {
	return r.cpu / time.Duration(max(1, r.requests()))
}

func (r *result) dbPerRequest() time.Duration {
	return r.db / time.Duration(max(1, r.requests()))
}

func (r *result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	l := slices.Clone(r.latencies)
	slices.Sort(l)
	return l[min(len(l)-1, int(p*float64(len(l))))]
}
