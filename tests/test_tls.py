"""TLS and mutual TLS with certificates made for the test (``cryptography``)."""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from zitat_client import Client, Unavailable
from zitat_server.serving.launch import running_server

TEXT = "„Wir sind bereit für alles“, sagte Anna Müller."


@dataclass
class Pem:
    cert: Path
    key: Path


def _issue(path: Path, name: str, issuer: tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None,
           *, ca: bool = False, server: bool = False) -> tuple[Pem, x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.timezone.utc)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer[0].subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if server:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
    cert = builder.sign(issuer[1] if issuer else key, hashes.SHA256())
    pem = Pem(path / f"{name}.crt", path / f"{name}.key")
    pem.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pem.key.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return pem, cert, key


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> dict[str, Pem]:
    path = tmp_path_factory.mktemp("pki")
    ca_pem, ca_cert, ca_key = _issue(path, "ca", None, ca=True)
    server_pem, _, _ = _issue(path, "server", (ca_cert, ca_key), server=True)
    client_pem, _, _ = _issue(path, "client", (ca_cert, ca_key))
    return {"ca": ca_pem, "server": server_pem, "client": client_pem}


def test_tls(pki, tmp_path):
    ca = pki["ca"].cert.read_bytes()
    args = ("--rules-only", "--store", str(tmp_path / "c.db"),
            "--tls-cert", str(pki["server"].cert), "--tls-key", str(pki["server"].key))
    with running_server(*args, credentials=grpc.ssl_channel_credentials(ca)) as (target, _proc):
        with Client(target, root_certificates=ca) as client:
            assert client.extract(TEXT).quotes[0].speaker.canonical_name == "Anna Müller"
        with Client(target, retries=0, timeout=5) as plaintext, pytest.raises(Unavailable):
            plaintext.extract(TEXT)


def test_mutual_tls(pki, tmp_path):
    ca = pki["ca"].cert.read_bytes()
    client_cert, client_key = pki["client"].cert.read_bytes(), pki["client"].key.read_bytes()
    args = ("--rules-only", "--store", str(tmp_path / "c.db"), "--tls-client-ca", str(pki["ca"].cert),
            "--tls-cert", str(pki["server"].cert), "--tls-key", str(pki["server"].key))
    credentials = grpc.ssl_channel_credentials(ca, client_key, client_cert)
    with running_server(*args, credentials=credentials) as (target, _proc):
        with Client(target, root_certificates=ca, private_key=client_key, certificate_chain=client_cert) as client:
            assert len(client.extract(TEXT).quotes) == 1
        with Client(target, root_certificates=ca, retries=0, timeout=5) as anonymous, pytest.raises(Unavailable):
            anonymous.extract(TEXT)
