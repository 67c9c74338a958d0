package auth_test

import (
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"lsgatlas/atlas"
	"lsgatlas/auth"
)

var secret = []byte("0123456789abcdef0123456789abcdef")

func TestVerify(t *testing.T) {
	now := time.Now()
	good, _ := auth.Mint(secret, "alice", atlas.RoleCurator, now, time.Hour)
	expired, _ := auth.Mint(secret, "alice", atlas.RoleCurator, now.Add(-2*time.Hour), time.Hour)
	other, _ := auth.Mint([]byte(strings.Repeat("x", 32)), "alice", atlas.RoleCurator, now, time.Hour)
	none := jwt.NewWithClaims(jwt.SigningMethodNone, auth.Claims{Role: atlas.RoleAdmin, RegisteredClaims: jwt.RegisteredClaims{Issuer: auth.Issuer, Subject: "eve", ExpiresAt: jwt.NewNumericDate(now.Add(time.Hour))}})
	unsigned, _ := none.SignedString(jwt.UnsafeAllowNoneSignatureType)
	badRole, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, auth.Claims{Role: "ROOT", RegisteredClaims: jwt.RegisteredClaims{Issuer: auth.Issuer, Subject: "eve", ExpiresAt: jwt.NewNumericDate(now.Add(time.Hour))}}).SignedString(secret)
	v, err := auth.NewVerifier(secret)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, token, want string
	}{
		{"good", good, "alice CURATOR"},
		{"expired", expired, "UNAUTHORIZED: the bearer token has expired"},
		{"other secret", other, "UNAUTHORIZED: the bearer token is not valid for this service"},
		{"alg none", unsigned, "UNAUTHORIZED: the bearer token is not valid for this service"},
		{"unknown role", badRole, `UNAUTHORIZED: the bearer token's role "ROOT" is not one of [READER CONTRIBUTOR CURATOR ADMIN]`},
		{"garbage", "abc.def.ghi", "UNAUTHORIZED: the bearer token is not valid for this service"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := v.Verify(tc.token)
			got := p.Subject + " " + string(p.Role)
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
	if _, err := auth.NewVerifier([]byte("short")); err == nil {
		t.Fatal("a short secret was accepted")
	}
}
