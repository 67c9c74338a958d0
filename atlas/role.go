package atlas

import (
	"context"
	"slices"
)

// Role is what a caller may do. Roles are ordered: each may do what the ones before it may.
type Role string

const (
	RoleReader      Role = "READER"      // reads; the role of anonymous callers
	RoleContributor Role = "CONTRIBUTOR" // also proposes changes, each citing a source
	RoleCurator     Role = "CURATOR"     // also accepts or rejects proposals, edits directly, reads the audit log
	RoleAdmin       Role = "ADMIN"       // also imports over curated data when told to discard it
)

// Roles lists every role, least powerful first.
var Roles = []Role{RoleReader, RoleContributor, RoleCurator, RoleAdmin}

// AtLeast reports whether r may do what min may.
func (r Role) AtLeast(min Role) bool {
	return slices.Index(Roles, r) >= slices.Index(Roles, min) && slices.Contains(Roles, r)
}

// Principal is who a request acts for: a subject from a verified token and its role.
// The zero value is an anonymous reader.
type Principal struct {
	Subject string
	Role    Role
	// WritesRefused names why this request may not write whatever its role (a browser
	// origin without CORS permission); empty when writes are allowed.
	WritesRefused string
}

// Anonymous is the principal of a request without a token.
var Anonymous = Principal{Subject: "", Role: RoleReader}

// Name is how the audit log names the principal.
func (p Principal) Name() string {
	if p.Subject == "" {
		return "anonymous"
	}
	return p.Subject
}

// Require returns nil when p may act with role min, and EUNAUTHORIZED otherwise.
func (p Principal) Require(min Role, action string) error {
	role := p.Role
	if role == "" {
		role = RoleReader
	}
	if p.WritesRefused != "" && min != RoleReader {
		return Errorf(EUNAUTHORIZED, "%s: %s", action, p.WritesRefused)
	}
	if !role.AtLeast(min) {
		return Errorf(EUNAUTHORIZED, "%s needs the %s role; the request has %s (send a bearer token with a role claim)", action, min, role)
	}
	return nil
}

type principalKey struct{}

// WithPrincipal returns ctx acting for p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns who ctx acts for: Anonymous when nobody was set.
func PrincipalFrom(ctx context.Context) Principal {
	if p, ok := ctx.Value(principalKey{}).(Principal); ok {
		return p
	}
	return Anonymous
}
