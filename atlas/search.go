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

// identifierField names the search field of an identifier: a name, but not one Names lists.
const identifierField = "identifier"

// SearchFields lists every searchable text of n in a fixed order (names first), empty
// texts left out (Node.SearchFields).
func SearchFields(n Node) []SearchField { return n.SearchFields() }

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
		f.names(identifierField, id.Value)
	}
	return f
}

func (f *fieldList) locators(cs []Citation) *fieldList {
	for _, c := range cs {
		f.texts("locator", c.Locator)
	}
	return f
}
