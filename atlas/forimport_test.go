package atlas_test

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

func TestForImportRefusesAnInvalidDatasetAndPreparesAValidOne(t *testing.T) {
	invalid := &atlas.Dataset{Relations: []*atlas.Relation{{Type: atlas.RelType("HOLDS"), From: "person/nobody", To: "position/nothing"}}}
	if _, err := invalid.ForImport(); atlas.ErrorCode(err) != atlas.EINVALID {
		t.Errorf("invalid dataset: error %v, want EINVALID", err)
	}
	valid := conformance.Fixture()
	got, err := valid.ForImport()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, valid.Prepared()) {
		t.Errorf("ForImport = %+v, want Prepared %+v", got, valid.Prepared())
	}
}
