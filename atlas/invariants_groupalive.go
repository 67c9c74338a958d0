package atlas

import "fmt"

// checkGroupAlive reports a relationship of group self KNOWN at year (its holding, as
// the lists answer it, a derived chair KNOWN only where its premises are) when the
// group's activity at year is not KNOWN.
func (c *checker) checkGroupAlive(year int, self string, e *Edge) {
	g, ok := c.nodes[self].(*Group)
	if !ok || e.Holding == nil || *e.Holding != Known {
		return
	}
	if h, ok := g.Span().HoldingAt(PartialDate{Year: year}); !ok || h != Known {
		c.add(RuleGroupAlive, self, e.ID, year, fmt.Sprintf("KNOWN in %d, when %s is not known active", year, self))
	}
}
