package atlas

// What every kind shares, and the registry that names each kind once. The rules that
// differ by kind are methods of Node, written in kind_<kind>.go beside each other: adding
// a kind is one type, one file of methods (the compiler lists the ones missing), one line
// here and its section of Dataset; TestEveryKindIsRegistered checks the rest.

// newNodes makes an empty node of each kind: decoders fill it in by its field names.
var newNodes = map[NodeKind]func() Node{
	GroupNode:         func() Node { return &Group{} },
	OfficeNode:        func() Node { return &Office{} },
	InstitutionNode:   func() Node { return &Institution{} },
	PositionNode:      func() Node { return &Position{} },
	PersonNode:        func() Node { return &Person{} },
	SourceNode:        func() Node { return &Source{} },
	ReportedCountNode: func() Node { return &ReportedCount{} },
	StatementNode:     func() Node { return &Statement{} },
	TopicNode:         func() Node { return &Topic{} },
	DocumentNode:      func() Node { return &Document{} },
}

// NewNode returns an empty node of kind k (a pointer to its zero value), false for an
// unknown kind.
func NewNode(k NodeKind) (Node, bool) {
	f, ok := newNodes[k]
	if !ok {
		return nil, false
	}
	return f(), true
}

// Summary is the few properties a flat table of nodes shows beside id, kind and label
// (the exports' node records), each empty where the kind has none.
type Summary struct {
	NameZh string
	// Class is the kind's own classification: a group's, office's, institution's,
	// source's or document's kind.
	Class      string
	System     *System
	Level      *Level
	Categories []Category
	// From and Until date the node itself: a group's establishment and abolition, a
	// document's issue, a statement's date.
	From, Until *PartialDate
	// Tier is a source's effective tier.
	Tier SourceTier
	// Life is a group's lifetime, for the formats that carry time.
	Life *Span
}

// Names returns every name a node is known by: name, Chinese name and aliases (its name
// search fields but its identifiers). Search and the duplicate check both work on this
// list.
func Names(n Node) []string {
	var names []string
	for _, f := range n.SearchFields() {
		if f.Name && f.Field != identifierField {
			names = append(names, f.Text)
		}
	}
	return names
}

// AliasesOf returns the aliases of a node, nil for kinds without aliases.
func AliasesOf(n Node) []Alias { return n.NodeAliases() }

// unbounded is the life of a node without a lifetime.
var unbounded = [2]int{MinOrdinal, MaxOrdinal}

// The plain values of one field (PlainValues): none when unset.

func plainText(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func plainEnum[T ~string](v *T) []string {
	if v == nil {
		return nil
	}
	return plainText(string(*v))
}

func plainDate(d *PartialDate) []string {
	if d == nil {
		return nil
	}
	return []string{d.String()}
}
