package httpapi

import (
	"net/http"
	"net/url"
	"slices"

	"lsgatlas/atlas"
	"lsgatlas/internal/auth"
)

// authenticate puts the request's principal in its context: anonymous without an
// Authorization header, the token's subject and role with a valid bearer token. A
// token that does not verify is refused with 401 (never logged, never echoed), so a
// caller never acts with less than it believes. A request from a browser origin the
// CORS configuration does not allow may read but never write.
func authenticate(verifier *auth.Verifier, origins []string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := atlas.Anonymous
		if header := r.Header.Get("Authorization"); header != "" {
			token, ok := auth.BearerToken(header)
			switch {
			case !ok:
				refuse(w, atlas.Errorf(atlas.EUNAUTHORIZED, "the Authorization header must be the word Bearer, a space and a token"))
				return
			case verifier == nil:
				refuse(w, atlas.Errorf(atlas.EUNAUTHORIZED, "this service takes no tokens (TOKEN_SECRET is not set)"))
				return
			}
			var err error
			if p, err = verifier.Verify(token); err != nil {
				refuse(w, err)
				return
			}
		}
		if origin := r.Header.Get("Origin"); origin != "" && !sameOrigin(origin, r) && !slices.Contains(origins, origin) && !slices.Contains(origins, "*") {
			p.WritesRefused = "the origin " + origin + " may not change data (it is not in CORS_ORIGINS)"
		}
		next.ServeHTTP(w, r.WithContext(atlas.WithPrincipal(r.Context(), p)))
	})
}

// sameOrigin reports whether a browser's Origin is the service's own (the playground
// and the Explorer).
func sameOrigin(origin string, r *http.Request) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host == r.Host
}

// refuse answers 401 with a GraphQL error carrying the code.
func refuse(w http.ResponseWriter, err error) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="lsgatlas"`)
	writeJSON(w, http.StatusUnauthorized, map[string]any{"errors": []any{map[string]any{
		"message": atlas.ErrorMessage(err), "extensions": map[string]string{"code": atlas.ErrorCode(err)},
	}}})
}
