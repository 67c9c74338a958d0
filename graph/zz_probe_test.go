package graph_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZProbe(t *testing.T) {
	srv := newServer(t, seedStore(t))
	b, _ := os.ReadFile("/tmp/i12/probe.txt")
	for _, q := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var got map[string]any
		data(t, srv, q, nil, &got)
		out, _ := json.Marshal(got)
		fmt.Println("Q:", q, "\n=>", string(out))
	}
}
