package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestProtocols: HTTP/2 over cleartext with prior knowledge answers, and an HTTP/1.1
// request asking to upgrade (as `curl --http2` does) is answered over HTTP/1.1 instead
// of refused.
func TestProtocols(t *testing.T) {
	base, _, _ := startService(t, map[string]string{"SEED": "never"})
	query := `{"query": "{ __typename }"}`

	var h2c http.Protocols
	h2c.SetUnencryptedHTTP2(true)
	client := &http.Client{Transport: &http.Transport{Protocols: &h2c}}
	resp, err := client.Post(base+"/graphql", "application/json", strings.NewReader(query))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.ProtoMajor != 2 || resp.StatusCode != 200 || !strings.HasPrefix(string(body), `{"data":{"__typename":"Query"},"extensions":{"dataset":`) {
		t.Errorf("h2c prior knowledge: %s %d %s", resp.Proto, resp.StatusCode, body)
	}

	for _, upgrade := range []string{"h2c", "websocket"} {
		req, _ := http.NewRequest("POST", base+"/graphql", strings.NewReader(query))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Connection", "Upgrade, HTTP2-Settings")
		req.Header.Set("Upgrade", upgrade)
		req.Header.Set("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.ProtoMajor != 1 || resp.StatusCode != 200 || !strings.HasPrefix(string(body), `{"data":{"__typename":"Query"},"extensions":{"dataset":`) {
			t.Errorf("Upgrade: %s: %s %d %s", upgrade, resp.Proto, resp.StatusCode, body)
		}
	}
}
