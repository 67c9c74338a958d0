package research_test

import (
	"testing"

	"lsgatlas/internal/research"
)

func TestEveryTopicParsesWithUniqueQuestionNames(t *testing.T) {
	topics, err := research.Topics()
	if err != nil {
		t.Fatal(err)
	}
	if len(topics) == 0 {
		t.Fatal("no research topics")
	}
	for _, tp := range topics {
		seen := map[string]bool{}
		for _, q := range tp.Questions {
			if seen[q.Name] {
				t.Errorf("%s: question %q twice", tp.Name, q.Name)
			}
			seen[q.Name] = true
		}
	}
}
