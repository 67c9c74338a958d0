// Package research holds the research questions asked of the seed dataset
// (seed/questions.md and the trust and tier examples of later issues) as data: each
// file of questions/ is one topic, each question a GraphQL query with the answer
// expected of it. The graph package's tests check the answers on the embedded store
// and difftest asks the same queries of both stores, so a question is written once.
//
// A question's want lines assert on paths into the response data; graph's
// research_test.go documents their syntax and checks them.
package research

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
)

//go:embed questions/*.json
var files embed.FS

// Question is one research question: its name (numbered after seed/questions.md where
// it comes from there), the query that asks it and the assertions its answer meets.
type Question struct {
	Name  string   `json:"name"`
	Query string   `json:"query"`
	Want  []string `json:"want"`
}

// Topic is one file of questions.
type Topic struct {
	// Name is the file's name without .json, e.g. "death-ends-open-tenures".
	Name string `json:"-"`
	// About says what the questions of the topic show.
	About     string     `json:"about"`
	Questions []Question `json:"questions"`
}

// Topics returns every topic, in file name order. A file that does not parse, or a
// question without a name, a query or an assertion, is an error naming the file.
func Topics() ([]Topic, error) {
	names, err := files.ReadDir("questions")
	if err != nil {
		return nil, err
	}
	var out []Topic
	for _, e := range names {
		b, err := files.ReadFile(path.Join("questions", e.Name()))
		if err != nil {
			return nil, err
		}
		t := Topic{Name: strings.TrimSuffix(e.Name(), ".json")}
		if err := json.Unmarshal(b, &t); err != nil {
			return nil, fmt.Errorf("research/questions/%s: %w", e.Name(), err)
		}
		for i, q := range t.Questions {
			if q.Name == "" || q.Query == "" || len(q.Want) == 0 {
				return nil, fmt.Errorf("research/questions/%s: question %d needs a name, a query and a want", e.Name(), i+1)
			}
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b Topic) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}
