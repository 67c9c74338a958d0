// Command scaledseed writes the bundled dataset scaled factor times
// (synthetic.Scaled: the real graph's shape, every degree and dated tenure times factor)
// as a dataset file, so the service can be run and measured at scale on either store:
//
//	go run ./tools/scaledseed -factor 100 -o /tmp/atlas-100x.json
//	SEED_FILE=/tmp/atlas-100x.json DATA_DIR=memory go run .
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"lsgatlas/internal/synthetic"
	"lsgatlas/seed"
)

func main() {
	factor := flag.Int("factor", 10, "how many copies of the bundled dataset (1-1000)")
	out := flag.String("o", "-", "file to write, - for standard output")
	flag.Parse()
	if err := run(*factor, *out); err != nil {
		fmt.Fprintln(os.Stderr, "scaledseed:", err)
		os.Exit(1)
	}
}

func run(factor int, path string) error {
	if factor < 1 || factor > 1000 {
		return fmt.Errorf("factor %d: want 1 to 1000", factor)
	}
	base, err := seed.Dataset()
	if err != nil {
		return err
	}
	ds, err := synthetic.Scaled(base, factor)
	if err != nil {
		return err
	}
	var w io.Writer = os.Stdout
	if path != "-" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	if err := seed.Encode(bw, ds); err != nil {
		return err
	}
	return bw.Flush()
}
