// Package auth turns bearer tokens into principals: JWTs verified with golang-jwt,
// signed either with a shared HS256 secret from the configuration (the tokens Mint
// makes) or by an identity provider whose keys a JWKS URL publishes (fetched and
// refreshed by keyfunc). The role comes from a claim. Tokens are never logged.
package auth

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"

	"lsgatlas/atlas"
)

// RoleClaim is the JWT claim that carries the role.
const RoleClaim = "role"

// Issuer is the issuer of the tokens Mint makes and Verifier accepts.
const Issuer = "lsgatlas"

// MinSecretBytes is the shortest secret accepted: HS256 with a short secret can be
// brute-forced from one token.
const MinSecretBytes = 32

// Claims are the claims of an LSG Atlas token. The role is `role` (one name) or, as
// identity providers often write it, `roles` (a list, of which the most powerful counts).
type Claims struct {
	Role  atlas.Role   `json:"role,omitempty"`
	Roles []atlas.Role `json:"roles,omitempty"`
	jwt.RegisteredClaims
}

// role is the role the claims grant: "role", else the most powerful of "roles".
func (c Claims) role() atlas.Role {
	if c.Role != "" || len(c.Roles) == 0 {
		return c.Role
	}
	best := c.Roles[0]
	for _, r := range c.Roles {
		if slices.Contains(atlas.Roles, r) && (!slices.Contains(atlas.Roles, best) || r.AtLeast(best)) {
			best = r
		}
	}
	return best
}

// Config says which tokens a Verifier accepts; at least one of Secret and JWKSURL.
type Config struct {
	// Secret verifies HS256 tokens with issuer Issuer (the ones Mint makes); at least
	// MinSecretBytes long.
	Secret []byte
	// JWKSURL is an identity provider's key set: tokens signed with asymmetric keys
	// (RS, PS, ES, EdDSA) are checked against it, refreshed hourly and on an unknown kid.
	JWKSURL string
	// Issuer and Audience, when set, are required of the identity provider's tokens.
	Issuer, Audience string
}

// Verifier checks bearer tokens.
type Verifier struct {
	secret []byte
	jwks   keyfunc.Keyfunc
	cfg    Config
	parser *jwt.Parser
}

// asymmetric are the algorithms accepted from a JWKS.
var asymmetric = []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}

// NewVerifier returns a verifier for cfg; with a JWKS URL it starts fetching the key
// set, refreshing it until ctx ends.
func NewVerifier(ctx context.Context, cfg Config) (*Verifier, error) {
	v := &Verifier{cfg: cfg}
	methods := slices.Clone(asymmetric)
	switch {
	case cfg.Secret == nil && cfg.JWKSURL == "":
		return nil, errors.New("auth: a verifier needs a secret or a JWKS URL")
	case cfg.Secret != nil && len(cfg.Secret) < MinSecretBytes:
		return nil, fmt.Errorf("auth: the token secret must be at least %d bytes", MinSecretBytes)
	case cfg.Secret != nil:
		v.secret = slices.Clone(cfg.Secret)
		methods = append(methods, jwt.SigningMethodHS256.Alg())
	}
	if cfg.JWKSURL != "" {
		k, err := keyfunc.NewDefaultCtx(ctx, []string{cfg.JWKSURL})
		if err != nil {
			return nil, fmt.Errorf("auth: JWKS %s: %w", cfg.JWKSURL, err)
		}
		v.jwks = k
	}
	v.parser = jwt.NewParser(jwt.WithValidMethods(methods), jwt.WithExpirationRequired(), jwt.WithLeeway(30*time.Second))
	return v, nil
}

// NewSecretVerifier is NewVerifier for a shared secret only.
func NewSecretVerifier(secret []byte) (*Verifier, error) {
	return NewVerifier(context.Background(), Config{Secret: secret})
}

// key finds the key of a token: the secret for HS256, the JWKS for the others.
func (v *Verifier) key(t *jwt.Token) (any, error) {
	if t.Method.Alg() == jwt.SigningMethodHS256.Alg() {
		if v.secret == nil {
			return nil, errors.New("no secret configured")
		}
		return v.secret, nil
	}
	if v.jwks == nil {
		return nil, errors.New("no JWKS configured")
	}
	return v.jwks.Keyfunc(t)
}

// Verify returns the principal a token speaks for. A token that is malformed, signed
// otherwise, expired, from another issuer or audience, without a subject or with an
// unknown role is EUNAUTHORIZED, with a message that never repeats the token.
func (v *Verifier) Verify(token string) (atlas.Principal, error) {
	var c Claims
	parsed, err := v.parser.ParseWithClaims(token, &c, v.key)
	if err == nil {
		err = v.checkIssuer(parsed, c)
	}
	role := c.role()
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return atlas.Principal{}, atlas.Errorf(atlas.EUNAUTHORIZED, "the bearer token has expired")
	case err != nil:
		return atlas.Principal{}, atlas.Errorf(atlas.EUNAUTHORIZED, "the bearer token is not valid for this service")
	case strings.TrimSpace(c.Subject) == "":
		return atlas.Principal{}, atlas.Errorf(atlas.EUNAUTHORIZED, "the bearer token names no subject")
	case !slices.Contains(atlas.Roles, role):
		return atlas.Principal{}, atlas.Errorf(atlas.EUNAUTHORIZED, "the bearer token's role %q is not one of %v", role, atlas.Roles)
	}
	return atlas.Principal{Subject: c.Subject, Role: role}, nil
}

// checkIssuer holds each kind of token to its issuer: ours for HS256, the configured
// one (and audience) for the identity provider's.
func (v *Verifier) checkIssuer(t *jwt.Token, c Claims) error {
	if t.Method.Alg() == jwt.SigningMethodHS256.Alg() {
		if c.Issuer != Issuer {
			return errors.New("issuer")
		}
		return nil
	}
	if v.cfg.Issuer != "" && c.Issuer != v.cfg.Issuer {
		return errors.New("issuer")
	}
	if v.cfg.Audience != "" && !slices.Contains(c.Audience, v.cfg.Audience) {
		return errors.New("audience")
	}
	return nil
}

// Mint returns a token for subject with role, valid for ttl from now, signed with secret.
func Mint(secret []byte, subject string, role atlas.Role, now time.Time, ttl time.Duration) (string, error) {
	if len(secret) < MinSecretBytes {
		return "", fmt.Errorf("auth: the token secret must be at least %d bytes", MinSecretBytes)
	}
	if strings.TrimSpace(subject) == "" {
		return "", errors.New("auth: a token needs a subject")
	}
	if !slices.Contains(atlas.Roles, role) {
		return "", fmt.Errorf("auth: role %q is not one of %v", role, atlas.Roles)
	}
	c := Claims{Role: role, RegisteredClaims: jwt.RegisteredClaims{
		Issuer: Issuer, Subject: subject, IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
	}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(secret)
}

// BearerToken returns the token of an Authorization header value, "" when there is none.
func BearerToken(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return "", false
	}
	return strings.TrimSpace(token), true
}
