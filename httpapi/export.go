package httpapi

import (
	"bytes"
	"context"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/rs/zerolog"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/export"
	"lsgatlas/graph"
	"lsgatlas/internal/logval"
	"lsgatlas/seed"
)

// exportHandler serves the graph (or a neighbourhood of it) as a file for Gephi,
// Cytoscape or any GraphML reader, with the same filters as the `network` query:
//
//	?ids=group/a,person/b&depth=2   a neighbourhood (ids may also repeat: ids=a&ids=b)
//	&relationshipTypes=CHAIRS,MEMBER_OF&nodeTypes=PERSON,GROUP&asOf=2018&limit=500
//	&sources=source/rana-2021                only relationships citing these sources
//	&includeRelayed=true&knownBy=2016         as the network query takes them
//
// Without ids it exports the whole graph under the filters. The defaults (the schema's depth,
// analytics.DefaultNetworkLimit nodes) are the network query's, so the same parameters
// give the same graph in both. The file itself says whether it was cut off, as does
// the X-Truncated header.
func exportHandler(projection *analytics.Cache, format export.Format) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := queryOf(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		write := func(w io.Writer, g export.Graph) error { return export.Write(w, format, g) }
		if format == export.GEXFFormat {
			version, err := gexfVersionParam(q)
			if err != nil {
				writeError(w, r, err)
				return
			}
			write = func(w io.Writer, g export.Graph) error { return export.GEXFOf(w, g, version) }
		}
		g, err := exportGraph(r.Context(), projection, q)
		if err != nil {
			writeError(w, r, err)
			return
		}
		// Encode into memory first, so an encoding error is still a clean error response.
		var buf bytes.Buffer
		if err := write(&buf, g); err != nil {
			writeError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", export.ContentType(format))
		w.Header().Set("Content-Disposition", `attachment; filename="lsg-atlas`+export.FileExtension(format)+`"`)
		w.Header().Set("X-Truncated", strconv.FormatBool(g.Truncated))
		_, _ = w.Write(buf.Bytes())
	}
}

// bibliographyHandler serves every source of the dataset as a bibliography file
// (CSL-JSON or BibTeX), in id order, naming the dataset version. It takes no
// parameters.
func bibliographyHandler(projection *analytics.Cache, format export.Format, filename string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := noParameters(r, "the bibliography"); err != nil {
			writeError(w, r, err)
			return
		}
		p, err := projection.Get(r.Context())
		if err != nil {
			writeError(w, r, err)
			return
		}
		var buf bytes.Buffer
		if err := export.WriteBibliography(&buf, format, p.Sources(), seed.Version()); err != nil {
			writeError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", export.BibliographyContentType(format))
		w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
		_, _ = w.Write(buf.Bytes())
	}
}

// exportGraph reads the network parameters and returns the graph to write, with
// everything the file says about itself.
// gexfVersionParam takes the GEXF export's own parameter, gexfVersion (1.3, the
// default, or 1.2draft), out of q, so the rest are the network filters.
func gexfVersionParam(q url.Values) (export.GEXFVersion, error) {
	values, given := q["gexfVersion"]
	delete(q, "gexfVersion")
	if !given {
		return export.GEXF13, nil
	}
	if len(values) == 1 && export.GEXFNamespace(export.GEXFVersion(values[0])) != "" {
		return export.GEXFVersion(values[0]), nil
	}
	return "", atlas.Errorf(atlas.EINVALID, "gexfVersion must be one of %v, got %q", export.GEXFVersions, strings.Join(values, ","))
}

func exportGraph(ctx context.Context, projection *analytics.Cache, q url.Values) (export.Graph, error) {
	p, err := projection.Get(ctx)
	if err != nil {
		return export.Graph{}, err
	}
	sub, limit, when, err := exportSubgraph(ctx, p, q)
	if err != nil {
		return export.Graph{}, err
	}
	var tiers []atlas.SourceTier
	for _, t := range listParam(q, "tiers") {
		tiers = append(tiers, atlas.SourceTier(t))
	}
	return export.Graph{Nodes: sub.Nodes, Relations: sub.Relations, Source: p.Source, AsOf: when.AsOf, During: when.During, KnownBy: when.Known, Tiers: tiers,
		Derived: sub.Derived, Truncated: sub.Truncated, Limit: limit, Version: seed.Version()}, nil
}

func exportSubgraph(ctx context.Context, p *analytics.Projection, q url.Values) (analytics.Subgraph, int, atlas.When, error) {
	for name, values := range q {
		switch name {
		case "ids", "relationshipTypes", "nodeTypes", "sources", "tiers":
		case "depth", "asOf", "during", "knownBy", "includeRelayed", "limit", "derived":
			if len(values) > 1 {
				// Which one was meant is anybody's guess: the first would be a silent choice.
				return analytics.Subgraph{}, 0, atlas.When{}, atlas.Errorf(atlas.EINVALID, "%s takes one value, got %d: %q", name, len(values), strings.Join(values, ", "))
			}
		default:
			return analytics.Subgraph{}, 0, atlas.When{}, atlas.Errorf(atlas.EINVALID, "unknown query parameter %q: use ids, depth, relationshipTypes, nodeTypes, asOf, during, knownBy, sources, includeRelayed, tiers, limit, derived", name)
		}
	}
	depth, err := intParam(q, "depth", graph.IntArgDefault("Query", "network", "depth"))
	if err != nil {
		return analytics.Subgraph{}, 0, atlas.When{}, err
	}
	limit, err := intParam(q, "limit", analytics.DefaultNetworkLimit)
	if err != nil {
		return analytics.Subgraph{}, 0, atlas.When{}, err
	}
	var f analytics.Filter
	for _, t := range listParam(q, "relationshipTypes") {
		f.RelTypes = append(f.RelTypes, atlas.RelType(t))
	}
	for _, k := range listParam(q, "nodeTypes") {
		f.NodeKinds = append(f.NodeKinds, atlas.NodeKind(k))
	}
	f.Sources = listParam(q, "sources")
	for _, t := range listParam(q, "tiers") {
		f.Tiers = append(f.Tiers, atlas.SourceTier(t))
	}
	if f.AsOf, err = dateParam(q, "asOf"); err != nil {
		return analytics.Subgraph{}, 0, atlas.When{}, err
	}
	if f.KnownBy, err = dateParam(q, "knownBy"); err != nil {
		return analytics.Subgraph{}, 0, atlas.When{}, err
	}
	if f.DerivedChairs, err = boolParam(q, "derived"); err != nil {
		return analytics.Subgraph{}, 0, atlas.When{}, err
	}
	if f.IncludeRelayed, err = boolParam(q, "includeRelayed"); err != nil {
		return analytics.Subgraph{}, 0, atlas.When{}, err
	}
	if q.Has("during") {
		p, err := parsePeriod(q.Get("during"))
		if err != nil {
			return analytics.Subgraph{}, 0, atlas.When{}, err
		}
		f.During = &p
	}
	sub, err := p.Network(ctx, listParam(q, "ids"), depth, f, limit)
	return sub, limit, p.WhenOf(f), err
}

// queryOf reads the request's query string. url.URL.Query drops what it cannot parse
// (asOf=2016%), which would serve the whole graph for a filtered one: here that is
// INVALID.
func queryOf(r *http.Request) (url.Values, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, atlas.Errorf(atlas.EINVALID, "the query string cannot be read: %v", err)
	}
	return q, nil
}

// noParameters refuses any query parameter to what takes none.
func noParameters(r *http.Request, what string) error {
	q, err := queryOf(r)
	if err != nil {
		return err
	}
	if len(q) > 0 {
		return atlas.Errorf(atlas.EINVALID, "unknown query parameter %q: %s takes none", slices.Sorted(maps.Keys(q))[0], what)
	}
	return nil
}

// dateParam reads a partial date parameter; nil when it is not given.
func dateParam(q url.Values, name string) (*atlas.PartialDate, error) {
	if !q.Has(name) {
		return nil, nil
	}
	d, err := atlas.ParseDate(q.Get(name))
	if err != nil {
		return nil, atlas.Errorf(atlas.EINVALID, "%s: %s", name, atlas.ErrorMessage(err))
	}
	return &d, nil
}

// boolParam reads a true or false parameter; false when it is not given. Given empty
// (derived=), it is INVALID like every other empty parameter: read as false, a form or
// script that meant true would get the other export without a word.
func boolParam(q url.Values, name string) (bool, error) {
	if !q.Has(name) {
		return false, nil
	}
	switch v := q.Get(name); v {
	case "false":
		return false, nil
	case "true":
		return true, nil
	case "":
		return false, atlas.Errorf(atlas.EINVALID, "%s must be true or false, got an empty value; leave it out for false", name)
	default:
		return false, atlas.Errorf(atlas.EINVALID, "%s must be true or false, got %q", name, v)
	}
}

// parsePeriod reads a during parameter: "from/to", as in ISO 8601 ("2003/2013").
func parsePeriod(s string) (atlas.Period, error) {
	from, to, ok := strings.Cut(s, "/")
	if !ok {
		return atlas.Period{}, atlas.Errorf(atlas.EINVALID, "during %q: want from/to, such as 2003/2013", s)
	}
	f, err := atlas.ParseDate(from)
	if err != nil {
		return atlas.Period{}, err
	}
	t, err := atlas.ParseDate(to)
	if err != nil {
		return atlas.Period{}, err
	}
	return atlas.Period{From: f, To: t}, nil
}

// listParam reads a list given as repeated parameters, comma-separated values, or both.
func listParam(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, item := range strings.Split(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

func intParam(q url.Values, name string, def int) (int, error) {
	if !q.Has(name) {
		return def, nil
	}
	n, err := strconv.Atoi(q.Get(name))
	if err != nil {
		return 0, atlas.Errorf(atlas.EINVALID, "%s must be a whole number, got %q", name, q.Get(name))
	}
	return n, nil
}

// httpStatus is the one place where error codes become HTTP statuses.
func httpStatus(code string) int {
	switch code {
	case atlas.EINVALID:
		return http.StatusBadRequest
	case atlas.ENOTFOUND:
		return http.StatusNotFound
	case atlas.ECONFLICT:
		return http.StatusConflict
	case atlas.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case atlas.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	case atlas.ELIMIT:
		return http.StatusUnprocessableEntity
	default:
		return http.StatusInternalServerError
	}
}

// writeError answers with the error's code and sentence; an internal error's details
// go to the log (with the request id), never to the client.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := atlas.ErrorCode(err)
	if code == atlas.EINTERNAL {
		zerolog.Ctx(r.Context()).Error().Str("error", logval.Clip(err.Error())).Str("path", logval.Clip(r.URL.Path)).Msg("http: internal error")
	}
	writeJSON(w, httpStatus(code), map[string]string{"code": code, "message": atlas.ErrorMessage(err)})
}

// datasetHandler writes the store's current data in the dataset format, in the stable
// order of seed.Encode: what `lsgatlas dump` writes, while the service runs (the embedded
// store's data folder is open in one process only). X-Atlas-Revision names the revision
// it was read at.
func datasetHandler(store atlas.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := noParameters(r, "the dataset"); err != nil {
			writeError(w, r, err)
			return
		}
		rev, err := store.Revision(r.Context())
		if err != nil {
			writeError(w, r, err)
			return
		}
		ds, err := store.Snapshot(r.Context())
		if err != nil {
			writeError(w, r, err)
			return
		}
		var buf bytes.Buffer
		if err := seed.Encode(&buf, ds); err != nil {
			writeError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Disposition", `attachment; filename="atlas.json"`)
		w.Header().Set("X-Atlas-Revision", strconv.FormatInt(rev, 10))
		_, _ = w.Write(buf.Bytes())
	}
}
