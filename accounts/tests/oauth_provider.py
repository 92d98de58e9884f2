"""A small OAuth2 / OpenID Connect provider speaking the real protocol, on pytest-httpserver.

Authorization code flow with ``state`` and PKCE (S256) checked at the token
endpoint, client credentials checked, one-time codes, bearer access tokens, a
userinfo endpoint and a JWKS with the RSA key that signs RS256 id_tokens
(PyJWT + cryptography). GitHub's flavour: ``/login/oauth/authorize``,
``/login/oauth/access_token`` and the REST ``/api/v3/user`` + ``/user/emails``
(GitHub Enterprise paths, which allauth uses when ``GITHUB_URL`` is set).
"""

import base64
import hashlib
import json
import secrets
import time
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlencode

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from werkzeug.wrappers import Response


@dataclass
class Account:
    sub: str
    email: str
    name: str = "Ada Lovelace"
    login: str = "ada"
    email_verified: bool = True


@dataclass
class FakeProvider:
    server: object  # pytest_httpserver.HTTPServer
    prefix: str  # "/google", "/linkedin", "/github"
    client_id: str
    client_secret: str
    account: Account
    flavour: str = "oidc"  # or "github"
    # Off: the user agrees at once (HTTP-level tests); on: an HTML page with an "Authorize" button.
    consent_page: bool = False
    codes: dict = field(default_factory=dict)
    tokens: dict = field(default_factory=dict)
    token_requests: list = field(default_factory=list)

    def __post_init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(4)
        if self.flavour == "github":
            routes = {
                "/login/oauth/authorize": self.authorize,
                "/login/oauth/access_token": self.token,
                "/api/v3/user": self.github_user,
                "/api/v3/user/emails": self.github_emails,
            }
        else:
            routes = {
                "/.well-known/openid-configuration": self.discovery,
                "/authorize": self.authorize,
                "/token": self.token,
                "/userinfo": self.userinfo,
                "/jwks": self.jwks,
            }
        for path, handler in routes.items():
            self.server.expect_request(self.prefix + path).respond_with_handler(handler)

    @property
    def base_url(self):
        return self.server.url_for(self.prefix)

    # --- endpoints -----------------------------------------------------------
    def discovery(self, request):
        base = self.base_url
        return _json(
            {
                "issuer": base,
                "authorization_endpoint": f"{base}/authorize",
                "token_endpoint": f"{base}/token",
                "userinfo_endpoint": f"{base}/userinfo",
                "jwks_uri": f"{base}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
                "code_challenge_methods_supported": ["S256"],
            }
        )

    def authorize(self, request):
        """The user agrees (at once, or on the consent page): redirect back with a one-time code."""
        args = request.args
        if args.get("client_id") != self.client_id or args.get("response_type", "code") != "code":
            return _json({"error": "unauthorized_client"}, 400)
        if args.get("code_challenge_method") != "S256" or not args.get("code_challenge"):
            return _json({"error": "invalid_request", "error_description": "PKCE required"}, 400)
        if self.consent_page and args.get("approve") != "yes":
            return _consent(request.path, args)
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "redirect_uri": args["redirect_uri"],
            "challenge": args["code_challenge"],
            "nonce": args.get("nonce"),
            "scope": args.get("scope", ""),
        }
        query = urlencode({"code": code, "state": args.get("state", "")})
        return Response(status=302, headers={"Location": f"{args['redirect_uri']}?{query}"})

    def token(self, request):
        form = request.form
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if request.authorization:
            client_id, client_secret = request.authorization.username, request.authorization.password
        self.token_requests.append(dict(form))
        if (client_id, client_secret) != (self.client_id, self.client_secret):
            return _json({"error": "invalid_client"}, 401)
        grant = self.codes.pop(form.get("code", ""), None)  # one use only
        if grant is None or form.get("grant_type") != "authorization_code":
            return _json({"error": "invalid_grant"}, 400)
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return _json({"error": "invalid_grant", "error_description": "redirect_uri mismatch"}, 400)
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if challenge != grant["challenge"]:
            return _json({"error": "invalid_grant", "error_description": "PKCE verification failed"}, 400)
        access = secrets.token_urlsafe(24)
        self.tokens[access] = self.account
        body = {"access_token": access, "token_type": "bearer", "scope": grant["scope"]}
        if self.flavour == "oidc":
            body["expires_in"] = 3600
            body["id_token"] = self.id_token(nonce=grant["nonce"])
        return _json(body)

    def id_token(self, *, nonce=None):
        now = int(time.time())
        claims = {
            "iss": self.base_url,
            "aud": self.client_id,
            "sub": self.account.sub,
            "email": self.account.email,
            "email_verified": self.account.email_verified,
            "name": self.account.name,
            "iat": now,
            "exp": now + 600,
            "jti": secrets.token_hex(8),
        }
        if nonce:
            claims["nonce"] = nonce
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})

    def _bearer_account(self, request, scheme="Bearer"):
        header = request.headers.get("Authorization", "")
        value = header.split(" ", 1)[1] if " " in header else ""
        return self.tokens.get(value) if header.lower().startswith(scheme.lower()) else None

    def userinfo(self, request):
        account = self._bearer_account(request)
        if account is None:
            return _json({"error": "invalid_token"}, 401)
        return _json(
            {
                "sub": account.sub,
                "email": account.email,
                "email_verified": account.email_verified,
                "name": account.name,
                "given_name": account.name.split()[0],
                "family_name": account.name.split()[-1],
            }
        )

    def jwks(self, request):
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return _json({"keys": [{**public, "kid": self.kid, "use": "sig", "alg": "RS256"}]})

    def github_user(self, request):
        account = self._bearer_account(request, scheme="token")
        if account is None:
            return _json({"message": "Bad credentials"}, 401)
        return _json({"id": int(account.sub), "login": account.login, "name": account.name, "email": None})

    def github_emails(self, request):
        account = self._bearer_account(request, scheme="token")
        if account is None:
            return _json({"message": "Bad credentials"}, 401)
        return _json([{"email": account.email, "primary": True, "verified": account.email_verified}])


def _consent(path, args):
    hidden = "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in args.items(multi=True)
    )
    page = (
        "<!doctype html><title>Authorize</title><h1>ResuMate wants to know your name and e-mail</h1>"
        f'<form method="get" action="{escape(path)}">{hidden}'
        '<button name="approve" value="yes">Authorize ResuMate</button></form>'
    )
    return Response(page, content_type="text/html")


def _json(body, status=200):
    return Response(json.dumps(body), status=status, content_type="application/json")
