import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * deploy/ cannot run here (no Docker engine), so this checks that the image, compose file and
 * Kubernetes manifests agree with the app: port, environment names, health path.
 */
const root = join(__dirname, '..', '..');
const read = (p: string): string => readFileSync(join(root, p), 'utf8');

/** Every env key the app reads: env['KEY'] or a typed helper `xxx(env, 'KEY', ...)` in api/src. */
function keysReadByApp(): Set<string> {
  const files = readdirSync(join(root, 'api/src'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'),
  );
  const src = files.map((f) => read(join('api/src', f))).join('\n');
  // settings are read from the env object handed to the config loaders, never process.env directly
  const direct = [...src.matchAll(/(?<!process\.)\benv\['([A-Z_]+)'\]/g)].map((m) => m[1]);
  const viaHelpers = [...src.matchAll(/\(env, '([A-Z_]+)'/g)].map((m) => m[1]);
  return new Set([...direct, ...viaHelpers]);
}

function envExampleKeys(): Set<string> {
  return new Set(
    read('.env.example')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split('=')[0]),
  );
}

describe('deploy manifests', () => {
  const appKeys = keysReadByApp();
  const known = new Set([...appKeys, 'NODE_ENV', 'TZ']);

  it('should list every setting the app reads in .env.example and nothing else', () => {
    expect([...envExampleKeys()].sort()).toEqual([...appKeys].filter((k) => k !== 'NODE_ENV').sort());
  });

  it('should build an image that serves on PORT with the health check on /api/health', () => {
    // the runtime stage is what runs; the build stage's own env (NX_*) is not the app's
    const docker = read('deploy/Dockerfile').split(/^FROM .* AS runtime$/m)[1];
    expect(docker).toBeDefined();
    const port = /ENV[\s\S]*?PORT=(\d+)/.exec(docker)?.[1];
    expect(port).toBe('3000');
    expect(docker).toMatch(new RegExp(`EXPOSE ${port}\\b`));
    expect(docker).toMatch(/HEALTHCHECK[\s\S]*\/api\/health\/ready/);
    const envKeys = [...docker.matchAll(/^\s*(?:ENV\s+)?([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(envKeys.length).toBeGreaterThan(3);
    for (const k of envKeys) expect(known).toContain(k);
  });

  it('should wire compose: MySQL with a healthcheck, the app on 3000 with known settings', () => {
    const compose = parse(read('deploy/compose.yaml'));
    expect(compose.services.mysql.image).toMatch(/^mysql:8/);
    expect(compose.services.mysql.healthcheck).toBeDefined();
    const app = compose.services.app;
    expect(app.depends_on.mysql.condition).toBe('service_healthy');
    expect(app.ports).toContain(`3000:${app.environment.PORT}`);
    expect(app.environment.DATABASE_URL).toMatch(/^mysql:\/\/.+@mysql:3306\//);
    expect(JSON.stringify(app.healthcheck.test)).toContain('/api/health/ready');
    for (const k of Object.keys(app.environment)) expect(known).toContain(k);
    expect(app.build.dockerfile).toBe('deploy/Dockerfile');
    // no usable default signing key: compose must stop when JWT_SECRET is not given
    expect(app.environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
  });

  it('should run 2 replicas in Kubernetes, ready on /api/health/ready and live on /api/health/live, configured with known settings', () => {
    const docs = ['configmap', 'secret', 'deployment', 'service'].flatMap((f) =>
      parseAllDocuments(read(`deploy/k8s/${f}.yaml`)).map((d) => d.toJS()),
    );
    const byKind = (k: string) => docs.find((d) => d.kind === k);
    const dep = byKind('Deployment');
    expect(dep.spec.replicas).toBe(2);
    const c = dep.spec.template.spec.containers[0];
    const cm = byKind('ConfigMap');
    const secret = byKind('Secret');
    expect(c.ports[0].containerPort).toBe(Number(cm.data.PORT));
    // ready = database reachable and migrated; live = the process answers (issue 18)
    expect(c.readinessProbe.httpGet.path).toBe('/api/health/ready');
    expect(c.livenessProbe.httpGet.path).toBe('/api/health/live');
    // the pod is killed only after the app's own shutdown grace for a running scoring run
    const grace = Number(cm.data.SHUTDOWN_GRACE_SEC ?? 20);
    expect(dep.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(grace);
    expect(c.envFrom.map((e: Record<string, { name: string }>) => Object.values(e)[0].name).sort()).toEqual(
      [cm.metadata.name, secret.metadata.name].sort(),
    );
    for (const k of [...Object.keys(cm.data), ...Object.keys(secret.stringData), ...c.env.map((e: { name: string }) => e.name)]) {
      expect(known).toContain(k);
    }
    const svc = byKind('Service');
    expect(svc.spec.selector).toEqual(dep.spec.selector.matchLabels);
    expect(svc.spec.ports[0].targetPort).toBe(c.ports[0].name);
  });

  it('should serve health on the path the manifests probe', () => {
    const controller = read('api/src/health/health.controller.ts');
    expect(controller).toMatch(/@Controller\('health'\)/);
    expect(controller).toMatch(/@Get\('live'\)/);
    expect(controller).toMatch(/@Get\('ready'\)/);
    expect(read('api/src/core/http/configure-app.ts')).toMatch(/setGlobalPrefix\('api'\)/);
  });
});
