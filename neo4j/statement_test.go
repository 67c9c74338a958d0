package neo4j

import (
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

var paramPattern = regexp.MustCompile(`\$([A-Za-z][A-Za-z0-9]*)`)

// headerParams returns the parameters a statement's header declares: the "// Parameters:"
// line and its continuation lines up to "// Index:".
func headerParams(text string) ([]string, error) {
	lines := strings.Split(text, "\n")
	start := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "// Parameters:") })
	if start < 0 {
		return nil, fmt.Errorf("no \"// Parameters:\" header")
	}
	var names []string
	for i := start; i < len(lines) && strings.HasPrefix(lines[i], "//"); i++ {
		if i > start && strings.HasPrefix(lines[i], "// Index:") {
			break
		}
		for _, m := range paramPattern.FindAllStringSubmatch(lines[i], -1) {
			if !slices.Contains(names, m[1]) {
				names = append(names, m[1])
			}
		}
	}
	sort.Strings(names)
	return names, nil
}

// checkParams fails when params are not exactly the parameters st declares: the Go code,
// the header and the linted statement must agree.
func checkParams(st statement, params map[string]any) error {
	want, err := headerParams(st.text)
	if err != nil {
		return fmt.Errorf("%s: %w", st.name, err)
	}
	var got []string
	for k := range params {
		got = append(got, k)
	}
	sort.Strings(got)
	if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
		return fmt.Errorf("%s: parameters %v, header declares %v", st.name, got, want)
	}
	return nil
}

func TestEveryFileIsLoadedAndDocumented(t *testing.T) {
	files, err := fs.Glob(cypherFiles, "cypher/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no embedded statements")
	}
	for _, f := range files {
		name, ok := strings.CutSuffix(strings.TrimPrefix(f, "cypher/"), ".cypher")
		if !ok {
			t.Errorf("%s: only .cypher files belong in cypher/", f)
			continue
		}
		st, ok := loaded[name]
		if !ok {
			t.Errorf("%s is embedded but no code loads it", f)
			continue
		}
		b, _ := cypherFiles.ReadFile(f)
		if st.text != string(b) {
			t.Errorf("%s: the statement differs from the file", f)
		}
		if !strings.HasPrefix(st.text, "// ") || !strings.Contains(st.text, "\n// Index: ") {
			t.Errorf("%s: the header must say what it does, its parameters and the index it relies on", f)
		}
		if _, err := headerParams(st.text); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestSentTextIsTheFile: what runs is each statement's file line for line: a line that
// holds only a comment is sent empty, every other line exactly as written, so the linter
// checks what runs and Neo4j's line numbers are the file's.
func TestSentTextIsTheFile(t *testing.T) {
	for _, tc := range []struct{ file, sent string }{
		{"// a header\nMATCH (n)\n  // why\nRETURN n // kept: code precedes it", "\nMATCH (n)\n\nRETURN n // kept: code precedes it"},
		{"RETURN '//' AS s", "RETURN '//' AS s"},
		{"\t// tabbed\n", "\n"},
	} {
		if got := sentText(tc.file); got != tc.sent {
			t.Errorf("sentText(%q) = %q, want %q", tc.file, got, tc.sent)
		}
	}
	for name, st := range loaded {
		file, sent := strings.Split(st.text, "\n"), strings.Split(st.sent, "\n")
		if len(file) != len(sent) {
			t.Errorf("%s: %d lines sent for %d in the file", name, len(sent), len(file))
			continue
		}
		for i := range file {
			comment := strings.HasPrefix(strings.TrimSpace(file[i]), "//")
			if comment && sent[i] != "" || !comment && sent[i] != file[i] {
				t.Errorf("%s line %d: sent %q for %q", name, i+1, sent[i], file[i])
			}
		}
	}
}

// TestStatementsAreNotTemplates: statements are fixed text with parameters, never built
// from pieces; a formatting verb or template marker would mean someone meant to.
func TestStatementsAreNotTemplates(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]|\{\{|\}\}|\$\{`)
	for name, st := range loaded {
		body := stripComments(st.text)
		if m := verbs.FindString(body); m != "" {
			t.Errorf("%s contains %q: statements must not be templates", name, m)
		}
		if strings.Contains(body, ";") {
			t.Errorf("%s: one statement per file, without a trailing semicolon", name)
		}
		// String concatenation in Cypher would build values the indexes cannot use.
		if regexp.MustCompile(`'\s*\+|\+\s*'`).MatchString(body) {
			t.Errorf("%s concatenates strings", name)
		}
	}
}

func stripComments(text string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "//") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestWhitelistsCoverTheDomain: labels and relationship types are spelled out in the
// write statements, one branch per value; a kind or type added to atlas must get one.
func TestWhitelistsCoverTheDomain(t *testing.T) {
	for _, k := range atlas.NodeKinds {
		branch := fmt.Sprintf("row.nodeKind = '%s' THEN [1] ELSE [] END | SET n:", k)
		if !strings.Contains(stmtUpsertNodes.text, branch) {
			t.Errorf("upsert_nodes has no label branch for %s", k)
		}
	}
	for _, rt := range atlas.RelTypes {
		branch := fmt.Sprintf("row.type = '%s' THEN [1] ELSE [] END |\n  CREATE (a)-[r:%s]->(b)", rt, rt)
		if !strings.Contains(stmtCreateRelations.text, branch) {
			t.Errorf("create_relations has no branch for %s", rt)
		}
		if _, ok := loaded["schema_"+strings.ToLower(string(rt))+"_validity"]; !ok {
			t.Errorf("no validity index migration for %s", rt)
		}
	}
	if got, want := strings.Count(stripComments(stmtCreateRelations.text), "FOREACH"), len(atlas.RelTypes); got != want {
		t.Errorf("create_relations has %d branches, want %d", got, want)
	}
}

func TestHeaderParams(t *testing.T) {
	got, err := headerParams("// X.\n// Parameters: $b (STRING), $a,\n//   $c (LIST<STRING>)\n// Index: $notAParam\nRETURN 1")
	if err != nil || !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("headerParams = %v, %v", got, err)
	}
	if err := checkParams(stmtRevision, map[string]any{"ns": "x", "extra": 1}); err == nil {
		t.Error("checkParams accepted an undeclared parameter")
	}
	if err := checkParams(stmtRevision, map[string]any{}); err == nil {
		t.Error("checkParams accepted a missing parameter")
	}
}

// TestLintSchemaDeclaresStoredProperties: the linter's schema (cypherlint/lint.mjs) must
// list every property the store writes, so that it describes the real database.
func TestLintSchemaDeclaresStoredProperties(t *testing.T) {
	b, err := os.ReadFile("cypherlint/lint.mjs")
	if err != nil {
		t.Fatal(err)
	}
	lint := string(b)
	keys := map[string]bool{"scopedId": true, "ns": true, "revision": true}
	ds := conformanceDataset()
	for _, n := range ds.Nodes() {
		for k := range nodeProps(n) {
			keys[k] = true
		}
	}
	for _, r := range ds.Relations {
		for k := range relationProps(r) {
			keys[k] = true
		}
	}
	for k := range keys {
		if !strings.Contains(lint, "'"+k+"'") {
			t.Errorf("property %s is written by the store but not declared in cypherlint/lint.mjs", k)
		}
	}
	for _, label := range []string{"Entity", "AtlasMeta", "Group", "Office", "Institution", "Position", "Person", "Source", "ReportedCount", "Statement", "Topic", "Document"} {
		if !strings.Contains(lint, "'"+label+"'") {
			t.Errorf("label %s is not declared in cypherlint/lint.mjs", label)
		}
	}
	for _, rt := range atlas.RelTypes {
		if !strings.Contains(lint, "'"+string(rt)+"'") {
			t.Errorf("relationship type %s is not declared in cypherlint/lint.mjs", rt)
		}
	}
}

// TestRelationFiltersAreOneText: Cypher has no functions, so the filters of a relation
// ask and of its follow-up are written out in each statement that answers asks
// (relations_of_asks, the list statements, nodes_with_relations), and the next level's
// block in each statement that reads one. They must stay one text: a filter changed in
// one place and not the others would answer the same ask differently depending on where
// a request starts, or at which level.
func TestRelationFiltersAreOneText(t *testing.T) {
	// blocks returns each run of lines from a line containing from to the first line
	// after it containing to, each trimmed, with a leading WHERE or AND dropped.
	blocks := func(name, text, from, to string) []string {
		var out []string
		lines := strings.Split(text, "\n")
		for start := 0; start < len(lines); start++ {
			if !strings.Contains(lines[start], from) {
				continue
			}
			var block []string
			for _, l := range lines[start:] {
				l = strings.TrimSpace(l)
				if len(block) == 0 {
					l = strings.TrimPrefix(strings.TrimPrefix(l, "WHERE "), "AND ")
				}
				block = append(block, l)
				if strings.Contains(l, to) {
					break
				}
			}
			if !strings.Contains(block[len(block)-1], to) {
				t.Fatalf("%s: no line after %q holds %q", name, from, to)
			}
			out = append(out, strings.Join(block, "\n"))
			start += len(block) - 1
		}
		return out
	}
	for _, tc := range []struct {
		what, from, to string
		names          []string
		each           int // how many times each statement holds the block
	}{
		{"filters relations", "(allTypes OR type(r) IN types)", "WITH ask, at, n, r, m, q.then AS t",
			append(listNames(), "relations_of_asks", "nodes_with_relations"), 0},
		{"answers follow-ups", "CALL (starts) {", "AS next", append(listNames(), "relations_of_asks", "nodes_with_relations"), 1},
		{"reads the next level", "CALL (level2) {", "AS nextStarts", append(listNames(), "nodes_with_relations"), 1},
	} {
		var first string
		for _, name := range tc.names {
			found := blocks(name, loaded[name].text, tc.from, tc.to)
			if len(found) == 0 || tc.each > 0 && len(found) != tc.each {
				t.Fatalf("%s holds %d blocks from %q, want %d", name, len(found), tc.from, max(tc.each, 1))
			}
			for _, b := range found {
				if first == "" {
					first = b
				} else if b != first {
					t.Errorf("%s %s unlike %s:\n%s\nwant\n%s", name, tc.what, tc.names[0], b, first)
				}
			}
		}
	}
}
