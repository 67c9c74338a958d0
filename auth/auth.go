// Package auth turns bearer tokens into principals: JWTs signed with a shared HS256
// secret from the configuration, verified with golang-jwt, with the role in a claim.
// It also mints development tokens with the same secret. Tokens are never logged.
package auth

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

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

// Claims are the claims of an LSG Atlas token.
type Claims struct {
	Role atlas.Role `json:"role"`
	jwt.RegisteredClaims
}

// Verifier checks bearer tokens against a shared secret.
type Verifier struct {
	secret []byte
	parser *jwt.Parser
}

// NewVerifier returns a verifier for tokens signed with secret, which must be at least
// MinSecretBytes long.
func NewVerifier(secret []byte) (*Verifier, error) {
	if len(secret) < MinSecretBytes {
		return nil, fmt.Errorf("auth: the token secret must be at least %d bytes", MinSecretBytes)
	}
	return &Verifier{secret: slices.Clone(secret), parser: jwt.NewParser(
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(Issuer),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(30*time.Second),
	)}, nil
}

// Verify returns the principal a token speaks for. A token that is malformed, signed
// otherwise, expired, from another issuer, without a subject or with an unknown role
// is EUNAUTHORIZED, with a message that never repeats the token.
func (v *Verifier) Verify(token string) (atlas.Principal, error) {
	var c Claims
	_, err := v.parser.ParseWithClaims(token, &c, func(*jwt.Token) (any, error) { return v.secret, nil })
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return atlas.Principal{}, atlas.Errorf(atlas.EUNAUTHORIZED, "the bearer token has expired")
	case err != nil:
		return atlas.Principal{}, atlas.Errorf(atlas.EUNAUTHORIZED, "the bearer token is not valid for this service")
	case strings.TrimSpace(c.Subject) == "":
		return atlas.Principal{}, atlas.Errorf(atlas.EUNAUTHORIZED, "the bearer token names no subject")
	case !slices.Contains(atlas.Roles, c.Role):
		return atlas.Principal{}, atlas.Errorf(atlas.EUNAUTHORIZED, "the bearer token's role %q is not one of %v", c.Role, atlas.Roles)
	}
	return atlas.Principal{Subject: c.Subject, Role: c.Role}, nil
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
