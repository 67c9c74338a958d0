package difftest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"lsgatlas/internal/readme"
)

// readmeQueries returns the GraphQL examples of README.md, as readme_test.go reads them.
func readmeQueries(t *testing.T) []string {
	t.Helper()
	return readme.Queries(readme.Read(t, "../README.md"))
}

// testQueries returns every GraphQL query written as a constant string in the graph
// package's tests (the research questions of seed/questions.md, the analytics cases, the
// rest), so this test asks what those tests ask, whatever they are renamed to. Strings are
// evaluated as the compiler would: literals, and concatenations of literals and package
// constants. Queries with variables are left out (their values live in Go code).
func testQueries(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no tests in %s: %v", dir, err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, file)
	}
	consts := map[string]ast.Expr{}
	for _, file := range parsed {
		for _, decl := range file.Decls {
			if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if i < len(vs.Values) {
							consts[name.Name] = vs.Values[i]
						}
					}
				}
			}
		}
	}
	var eval func(e ast.Expr) (string, bool)
	eval = func(e ast.Expr) (string, bool) {
		switch e := e.(type) {
		case *ast.BasicLit:
			if e.Kind != token.STRING {
				return "", false
			}
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		case *ast.Ident:
			if c, ok := consts[e.Name]; ok {
				return eval(c)
			}
		case *ast.ParenExpr:
			return eval(e.X)
		case *ast.BinaryExpr:
			if e.Op == token.ADD {
				a, ok1 := eval(e.X)
				b, ok2 := eval(e.Y)
				return a + b, ok1 && ok2
			}
		}
		return "", false
	}
	looksLikeQuery := regexp.MustCompile(`^\s*(\{|query\b)\s*[A-Za-z_]`)
	seen := map[string]bool{}
	for _, file := range parsed {
		ast.Inspect(file, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			s, ok := eval(e)
			if !ok {
				return true
			}
			if looksLikeQuery.MatchString(s) && !strings.Contains(s, "$") && balanced(s) {
				seen[s] = true
			}
			return false // a concatenation's parts are not queries of their own
		})
	}
	out := make([]string, 0, len(seen))
	for q := range seen {
		out = append(out, q)
	}
	sort.Strings(out)
	return out
}

// balanced reports whether a string's braces balance, which leaves out fragments of
// queries and expected JSON.
func balanced(s string) bool {
	depth := 0
	for _, c := range s {
		switch c {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

func TestSameAnswerIgnoresOnlyErrorOrder(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{`{"data":{"a":1}}`, `{"data":{"a":1}}`, true},
		{`{"errors":[{"m":"x"},{"m":"y"}],"data":null}`, `{"errors":[{"m":"y"},{"m":"x"}],"data":null}`, true},
		{`{"errors":[{"m":"x"},{"m":"y"}],"data":null}`, `{"errors":[{"m":"y"},{"m":"z"}],"data":null}`, false},
		{`{"errors":[{"m":"x"},{"m":"y"}],"data":{"a":1}}`, `{"errors":[{"m":"y"},{"m":"x"}],"data":{"a":2}}`, false},
		{`{"data":{"a":1,"b":2}}`, `{"data":{"b":2,"a":1}}`, false},
	} {
		if got := sameAnswer([]byte(tc.a), []byte(tc.b)); got != tc.same {
			t.Errorf("sameAnswer(%s, %s) = %v", tc.a, tc.b, got)
		}
	}
}
