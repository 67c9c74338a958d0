package main

import _ "embed"

// readmeMarkdown is this repository's README, whose example queries the playground offers.
//
//go:embed README.md
var readmeMarkdown string
