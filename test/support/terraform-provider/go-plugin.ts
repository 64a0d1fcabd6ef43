import 'reflect-metadata'; // @peculiar/x509's dependency injection (tsyringe) needs the Reflect metadata API
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/**
 * The plugin side of hashicorp/go-plugin's launch handshake, as Terraform drives it
 * (go-plugin's server.go and mtls.go, docs/guide-plugin-write-non-go.md):
 * - Terraform sets TF_PLUGIN_MAGIC_COOKIE to a fixed value; anything else means we were run by hand;
 * - PLUGIN_PROTOCOL_VERSIONS lists the app protocol versions it speaks ("5,6"): we answer 6;
 * - with AutoMTLS, PLUGIN_CLIENT_CERT carries the client's certificate (PEM): we serve TLS with a
 *   certificate of our own, require that client certificate, and hand ours back in the line;
 * - the one line on stdout: CORE|APP|NETWORK|ADDRESS|PROTOCOL|CERT, CERT being the leaf's DER in
 *   unpadded standard base64 (the line can't carry PEM's newlines).
 */
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export const CORE_PROTOCOL_VERSION = 1;
export const APP_PROTOCOL_VERSION = 6;

/** Why this process can't serve as Terraform's plugin, or null when it can. */
export function launchProblem(env: NodeJS.ProcessEnv): string | null {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    return 'This binary is a Terraform provider plugin: terraform starts it (it is not meant to be run directly).';
  }
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  if (offered !== undefined && offered !== '' && !offered.split(',').map((v) => v.trim()).includes(String(APP_PROTOCOL_VERSION))) {
    return `This provider speaks plugin protocol ${APP_PROTOCOL_VERSION}; the client offered ${offered}.`;
  }
  return null;
}

export interface ServerCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  readonly der: Buffer;
}

/**
 * A fresh self-signed certificate for this process, shaped like go-plugin's own (mtls.go): its
 * own CA, for "localhost" (the name go-plugin's client verifies), server and client auth.
 */
export async function serverCertificate(now = new Date()): Promise<ServerCertificate> {
  x509.cryptoProvider.set(webcrypto as never); // node:crypto's WebCrypto (its DOM type `Crypto` is not in our lib)
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  // A positive serial (Go rejects negative ones): 16 random bytes, the top bit cleared.
  const serial = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)));
  serial[0] = serial[0]! & 0x7f;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: 'CN=localhost, O=Steer tests',
    notBefore: new Date(now.getTime() - 30_000),
    notAfter: new Date(now.getTime() + 24 * 3600_000),
    signingAlgorithm: alg,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.keyAgreement | x509.KeyUsageFlags.keyCertSign, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`.replace('\n\n', '\n');
  return { certPem: cert.toString('pem'), keyPem, der: Buffer.from(cert.rawData) };
}

/** The handshake line go-plugin reads from the plugin's stdout. */
export function handshakeLine(socketPath: string, certDer: Buffer | null): string {
  const fields = [CORE_PROTOCOL_VERSION, APP_PROTOCOL_VERSION, 'unix', socketPath, 'grpc'];
  const cert = certDer ? certDer.toString('base64').replace(/=+$/, '') : null;
  return `${[...fields, ...(cert !== null ? [cert] : [])].join('|')}\n`;
}
