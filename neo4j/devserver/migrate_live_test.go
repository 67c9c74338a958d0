package devserver_test

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/internal/eventually"
	"lsgatlas/internal/syncbuf"
	"lsgatlas/neo4j"
)

// TestLiveReplicasMigrateTogether starts several stores at once on an empty Neo4j (a
// devserver of its own, since the shared one already has the schema): their migrations
// race to create the same indexes, and each must be ready at its first attempt, not log
// "cannot connect" and answer UNAVAILABLE until a retry.
func TestLiveReplicasMigrateTogether(t *testing.T) {
	needJava(t)
	const password = "atlas-migrate-race"
	cmd := exec.Command("./run.sh", "--password", password)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); _ = cmd.Wait() })
	uri := readLine(t, stdout)
	if !strings.HasPrefix(uri, "bolt://") {
		t.Fatalf("no URI: %q", uri)
	}
	var logs syncbuf.Buffer // the stores' log lines
	log := zerolog.New(&logs).Level(zerolog.InfoLevel)
	ctx := context.Background()
	const replicas = 6
	stores := make([]*neo4j.Store, replicas)
	var wg sync.WaitGroup
	for i := range replicas {
		wg.Go(func() {
			s, err := neo4j.Open(ctx, neo4j.Config{URI: uri, Username: "neo4j", Password: password, Namespace: fmt.Sprintf("replica-%d", i),
				// Creating the schema on an empty database takes more than the default 10 s
				// per attempt on a loaded machine; this test is about the race, not that.
				ConnectTimeout: time.Minute, MaxRetryTime: time.Minute}, log)
			if err != nil {
				t.Error(err)
				return
			}
			stores[i] = s
		})
	}
	wg.Wait()
	for i, s := range stores {
		if s == nil {
			continue
		}
		defer s.Close(ctx)
		eventually.True(t, fmt.Sprintf("replica %d to become ready", i), func() bool { return s.Ping(ctx) == nil })
	}
	if got := logs.String(); strings.Contains(got, `"level":"warn"`) {
		t.Errorf("the replicas did not all migrate at their first attempt:\n%s", got)
	}
}
