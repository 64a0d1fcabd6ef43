import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { handshakeLine, launchProblem, serverCertificate } from './go-plugin.js';
import { FakeProvider, type ProviderRequest } from './provider.js';

/**
 * The provider process terraform starts (through the launcher in the mirror, see mirror.ts):
 * one gRPC server on a Unix socket, with TLS when terraform asks for AutoMTLS, serving the
 * tfplugin6 Provider service and go-plugin's own services (health, controller, stdio, broker).
 * The .proto files are read from beside the bundle.
 */
type Stream = grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>;

async function main(): Promise<void> {
  const problem = launchProblem(process.env);
  if (problem !== null) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  const here = dirname(process.argv[1]!);
  const definition = protoLoader.loadSync(['tfplugin6.proto', 'go-plugin.proto', 'health.proto'], { includeDirs: [here], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const loaded = grpc.loadPackageDefinition(definition);
  const service = (path: string): grpc.ServiceDefinition => {
    const found = path.split('.').reduce<unknown>((at, name) => (at as Record<string, unknown> | undefined)?.[name], loaded) as { service?: grpc.ServiceDefinition } | undefined;
    if (found?.service === undefined) throw new Error(`${path} is not in the provider's .proto files`);
    return found.service;
  };

  const server = new grpc.Server();
  const open = new Set<Stream>();
  let socket = '';
  const exit = () => {
    rmSync(socket, { force: true });
    process.exit(0);
  };
  // Graceful, so the answer to Shutdown itself is sent; forced if a call hangs.
  const shutdown = () => {
    for (const s of open) s.end();
    server.tryShutdown(exit);
    setTimeout(() => {
      server.forceShutdown();
      exit();
    }, 500).unref();
  };
  const keepOpen = (s: Stream) => {
    open.add(s);
    s.on('cancelled', () => open.delete(s));
    s.on('error', () => open.delete(s));
  };

  const provider = new FakeProvider(process.env.STEER_FAKE_PROVIDER_VERSION ?? 'dev');
  const unary = <Req>(f: (req: Req) => unknown) => (call: grpc.ServerUnaryCall<Req, unknown>, callback: grpc.sendUnaryData<unknown>) => {
    try {
      callback(null, f(call.request));
    } catch (e) {
      callback({ code: grpc.status.INTERNAL, details: e instanceof Error ? e.message : String(e) });
    }
  };
  server.addService(service('tfplugin6.Provider'), {
    GetMetadata: unary(() => provider.getMetadata()),
    GetProviderSchema: unary(() => provider.getProviderSchema()),
    ValidateProviderConfig: unary((r: ProviderRequest) => provider.validateProviderConfig(r)),
    ValidateResourceConfig: unary((r: ProviderRequest) => provider.validateResourceConfig(r)),
    UpgradeResourceState: unary((r: ProviderRequest) => provider.upgradeResourceState(r)),
    ConfigureProvider: unary((r: ProviderRequest) => provider.configureProvider(r)),
    ReadResource: unary((r: ProviderRequest) => provider.readResource(r)),
    PlanResourceChange: unary((r: ProviderRequest) => provider.planResourceChange(r)),
    ApplyResourceChange: unary((r: ProviderRequest) => provider.applyResourceChange(r)),
    StopProvider: unary(() => provider.stopProvider()),
  });
  server.addService(service('grpc.health.v1.Health'), {
    Check: unary((r: { service: string }) => ({ status: r.service === '' || r.service === 'plugin' ? 'SERVING' : 'SERVICE_UNKNOWN' })),
  });
  server.addService(service('plugin.GRPCController'), {
    // go-plugin's client calls it when it is done with us, then waits a moment for the process to end.
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => {
      callback(null, {});
      shutdown();
    },
  });
  // Both streams stay open until shutdown: nothing to forward (we write nothing to stdout/stderr
  // after the handshake) and no extra connections to broker.
  server.addService(service('plugin.GRPCStdio'), { StreamStdio: keepOpen });
  server.addService(service('plugin.GRPCBroker'), { StartStream: keepOpen });

  const clientCert = process.env.PLUGIN_CLIENT_CERT;
  const cert = clientCert ? await serverCertificate() : null;
  const credentials = cert
    ? grpc.ServerCredentials.createSsl(Buffer.from(clientCert!), [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }], true)
    : grpc.ServerCredentials.createInsecure();
  socket = join(process.env.PLUGIN_UNIX_SOCKET_DIR || tmpdir(), `plugin${randomBytes(6).toString('hex')}`);
  await new Promise<void>((resolve, reject) => server.bindAsync(`unix://${socket}`, credentials, (e) => (e ? reject(e) : resolve())));

  // Terraform forwards an interrupt to its plugins too; like go-plugin's servers we ignore it and
  // wait for StopProvider and Shutdown. If terraform itself is gone, so are we.
  process.on('SIGINT', () => undefined);
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && shutdown(), 500).unref();
  process.stdout.write(handshakeLine(socket, cert?.der ?? null));
}

main().catch((e: unknown) => {
  process.stderr.write(`fake provider: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
