package auth_test

import (
	"crypto/rand"
	"crypto/rsa"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"

	"lsgatlas/atlas"
	"lsgatlas/internal/auth"
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
	v, err := auth.NewSecretVerifier(secret)
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
	if _, err := auth.NewSecretVerifier([]byte("short")); err == nil {
		t.Fatal("a short secret was accepted")
	}
}

// TestVerifyJWKS: an identity provider's token, signed with a key its JWKS publishes,
// is accepted with the configured issuer and audience and the most powerful of its
// roles; a token signed with another key, or for another audience, is not. The JWKS is
// served on loopback.
func TestVerifyJWKS(t *testing.T) {
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	jwk, err := jwkset.NewJWKFromKey(key.Public(), jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{KID: "k1", ALG: jwkset.AlgRS256, USE: jwkset.UseSig}})
	if err != nil {
		t.Fatal(err)
	}
	set := jwkset.NewMemoryStorage()
	if err := set.KeyWrite(t.Context(), jwk); err != nil {
		t.Fatal(err)
	}
	body, _ := set.JSONPublic(t.Context())
	idp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(body) }))
	defer idp.Close()
	v, err := auth.NewVerifier(t.Context(), auth.Config{JWKSURL: idp.URL, Issuer: "https://idp.example", Audience: "lsgatlas", Secret: secret})
	if err != nil {
		t.Fatal(err)
	}
	sign := func(k *rsa.PrivateKey, aud string, roles ...atlas.Role) string {
		tok := jwt.NewWithClaims(jwt.SigningMethodRS256, auth.Claims{Roles: roles, RegisteredClaims: jwt.RegisteredClaims{
			Issuer: "https://idp.example", Subject: "erin", Audience: jwt.ClaimStrings{aud}, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}})
		tok.Header["kid"] = "k1"
		s, err := tok.SignedString(k)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if p, err := v.Verify(sign(key, "lsgatlas", atlas.RoleContributor, atlas.RoleCurator, "OTHER")); err != nil || p != (atlas.Principal{Subject: "erin", Role: atlas.RoleCurator}) {
		t.Fatalf("provider token: %+v, %v", p, err)
	}
	for name, tok := range map[string]string{"another key": sign(other, "lsgatlas", atlas.RoleCurator), "another audience": sign(key, "elsewhere", atlas.RoleCurator)} {
		if _, err := v.Verify(tok); atlas.ErrorCode(err) != atlas.EUNAUTHORIZED {
			t.Errorf("%s: %v", name, err)
		}
	}
	own, _ := auth.Mint(secret, "alice", atlas.RoleContributor, time.Now(), time.Hour)
	if p, err := v.Verify(own); err != nil || p.Role != atlas.RoleContributor {
		t.Fatalf("the service's own token beside a JWKS: %+v, %v", p, err)
	}
}
