package interop_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"lsgatlas/internal/livetest"
)

// validation is what validate_gexf.py reports of one file.
type validation struct {
	RNG      []string `json:"rng"`
	XSD      []string `json:"xsd"`
	VizMoved int      `json:"vizMoved"`
}

// TestGEXFExportsMatchTheGEXF13Schema validates GEXF files the service serves (static,
// dynamic with derived chairs, a dated neighbourhood) against the GEXF 1.3 schema, both
// its RELAX NG and its XML Schema, and checks that the validator rejects files that
// break the schema, so a pass means something.
func TestGEXFExportsMatchTheGEXF13Schema(t *testing.T) {
	if out, err := exec.Command("python3", "-c", "import lxml").CombinedOutput(); err != nil {
		livetest.Missing(t, "python3 with lxml", fmt.Sprintf("install python3-lxml (apt) or lxml (pip); .ci/run does (%v: %s)", err, bytes.TrimSpace(out)))
	}
	srv := newService(t)
	served := map[string]string{
		"whole graph":         "",
		"dynamic and derived": dynamicQuery,
		"neighbourhood 2016":  "ids=person/xi-jinping&depth=2&asOf=2016",
	}
	files := map[string]string{} // path → case
	for name, query := range served {
		files[download(t, srv.URL+"/export/graph.gexf?"+query)] = name
	}
	// Files that break the schema, each made from the dynamic export by one edit.
	dynamic, err := os.ReadFile(download(t, srv.URL+"/export/graph.gexf?"+dynamicQuery))
	if err != nil {
		t.Fatal(err)
	}
	broken := map[string]struct{ old, new string }{
		"unknown version":     {`version="1.3"`, `version="1.4"`},
		"spell on no day":     {`<spell start="2010-01-01"`, `<spell start="2010-02-30"`},
		"undeclared element":  {`<nodes `, `<vertices/><nodes `},
		"colour out of range": {`<viz:color r="`, `<viz:color r="256" x="`},
	}
	dir := t.TempDir()
	for name, edit := range broken {
		if !bytes.Contains(dynamic, []byte(edit.old)) {
			t.Fatalf("%s: the dynamic export has no %q to edit", name, edit.old)
		}
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".gexf")
		if err := os.WriteFile(path, bytes.Replace(dynamic, []byte(edit.old), []byte(edit.new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		files[path] = "broken: " + name
	}

	args := []string{"validate_gexf.py"}
	for path := range files {
		args = append(args, path)
	}
	var got map[string]validation
	if err := json.Unmarshal(runTool(t, nil, "python3", args...), &got); err != nil {
		t.Fatal(err)
	}
	for path, name := range files {
		v, ok := got[path]
		if !ok {
			t.Errorf("%s: the validator did not report it", name)
			continue
		}
		if strings.HasPrefix(name, "broken: ") {
			if len(v.RNG) == 0 || len(v.XSD) == 0 {
				t.Errorf("%s: RELAX NG errors %q, XML Schema errors %q; want both to reject it", name, v.RNG, v.XSD)
			}
			continue
		}
		if len(v.RNG) != 0 || len(v.XSD) != 0 {
			t.Errorf("%s: not valid GEXF 1.3:\nRELAX NG: %s\nXML Schema: %s", name, strings.Join(v.RNG, "\n  "), strings.Join(v.XSD, "\n  "))
		}
		if v.VizMoved == 0 {
			t.Errorf("%s: no viz element: the colours are missing", name)
		}
	}
}
