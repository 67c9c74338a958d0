package export

import (
	"encoding/xml"
	"fmt"
	"io"
)

// writeXML writes doc as an indented UTF-8 XML document. encoding/xml escapes markup
// characters and quotes, passes Chinese text through as UTF-8 and replaces characters
// XML cannot hold (most control characters) with U+FFFD, so any name in the data
// yields a well-formed document.
func writeXML(w io.Writer, format string, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("export: write %s: %w", format, err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export: write %s: %w", format, err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("export: write %s: %w", format, err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("export: write %s: %w", format, err)
	}
	return nil
}
