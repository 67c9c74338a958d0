package atlas

// SearchField is one searchable text of a node or relationship, named as the API
// reports it in SearchHit.Field.
type SearchField struct {
	// Field names the property: "name", "nameZh", "alias", "description", "author"…
	Field string
	Text  string
	// Name marks a name the node is known by (name, Chinese name, alias, title, key,
	// scope). Names rank above every other field and also match with spaces and
	// punctuation ignored ("xijinping" finds "Xi Jinping"); other fields match by words.
	Name bool
}

// Field names of relationship texts: a hit through one of its relationships reports the
// relationship's field with this prefix.
const (
	RelationNoteField    = "relationship.note"
	RelationLocatorField = "relationship.locator"
)

// Searchable is the hook for node kinds that list their own searchable fields: a kind
// that implements it needs no case in SearchFields.
type Searchable interface {
	SearchFields() []SearchField
}

// SearchFields lists every searchable text of n in a fixed order (names first), empty
// texts left out. Both stores index exactly these fields, which is what keeps their
// search results equal; adding a node kind is one case here or a SearchFields method.
func SearchFields(n Node) []SearchField {
	var f fieldList
	switch n := n.(type) {
	case *Group:
		f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases).identifiers(n.Identifiers)
		f.texts("jurisdiction", n.Jurisdiction).texts("description", n.Description).locators(n.Sources)
	case *Office:
		f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases)
		f.texts("description", n.Description).locators(n.Sources)
	case *Institution:
		f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases).identifiers(n.Identifiers)
		f.texts("description", n.Description).locators(n.Sources)
	case *Position:
		f.names("title", n.Title).names("titleZh", n.TitleZh).aliases(n.Aliases).identifiers(n.Identifiers)
		f.texts("description", n.Description).locators(n.Sources)
	case *Person:
		f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases).identifiers(n.Identifiers)
		f.texts("description", n.Description).locators(n.Sources)
	case *Source:
		f.names("title", n.Title).names("key", n.Key)
		f.texts("author", n.Authors...).texts("publisher", n.Publisher).texts("note", n.Note)
	case *ReportedCount:
		f.names("scope", n.Scope).texts("note", n.Note).locators(n.Sources)
	case *Statement:
		// A statement has no name: its text is searched by words, like a description.
		f.texts("text", n.Text).texts("textZh", n.TextZh).texts("hedge", n.Hedge).texts("note", n.Note).locators(n.Sources)
	case *Topic:
		f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases)
		f.texts("description", n.Description).locators(n.Sources)
	case *Document:
		f.names("title", n.Title).names("titleZh", n.TitleZh).aliases(n.Aliases)
		f.texts("description", n.Description).locators(n.Sources)
	case Searchable:
		return n.SearchFields()
	}
	return f
}

// RelationSearchFields lists the searchable texts of a relationship: its note and the
// locators of its citations. A relationship is found through its subject (From).
func RelationSearchFields(r *Relation) []SearchField {
	var f fieldList
	f.texts(RelationNoteField, r.Note)
	for _, c := range r.Sources {
		f.texts(RelationLocatorField, c.Locator)
	}
	return f
}

type fieldList []SearchField

func (f *fieldList) add(field string, name bool, texts ...string) *fieldList {
	for _, t := range texts {
		if t != "" {
			*f = append(*f, SearchField{Field: field, Text: t, Name: name})
		}
	}
	return f
}

func (f *fieldList) names(field string, texts ...string) *fieldList {
	return f.add(field, true, texts...)
}
func (f *fieldList) texts(field string, texts ...string) *fieldList {
	return f.add(field, false, texts...)
}

func (f *fieldList) aliases(as []Alias) *fieldList {
	for _, a := range as {
		f.names("alias", a.Name)
	}
	return f
}

// identifiers are names too ("Q15031" finds its node), listed after the aliases.
func (f *fieldList) identifiers(ids []Identifier) *fieldList {
	for _, id := range ids {
		f.names("identifier", id.Value)
	}
	return f
}

func (f *fieldList) locators(cs []Citation) *fieldList {
	for _, c := range cs {
		f.texts("locator", c.Locator)
	}
	return f
}
