package atlas

// ForImport is what a store imports of d: d validated whole (EINVALID before anything
// is written, so an invalid dataset leaves a store as it was), then Prepared. Both
// stores' Import begin with it.
func (d *Dataset) ForImport() (*Dataset, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return d.Prepared(), nil
}
