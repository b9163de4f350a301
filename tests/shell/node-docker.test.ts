/**
 * docker on a node, against the real CLI's and daemon's words: the tables of `docker ps` and
 * `docker images`, a pull's lines, `docker run`'s errors, help and usage errors, prune,
 * inspect and the rest — on a real cluster, after `ssh node-1`.
 */
import { describe, expect, it } from 'vitest';
import { terminal } from './node-helpers.js';

/** A quiet town: no CoreDNS or kube-proxy pods, so `docker ps` shows only what people started. */
const quiet = () => terminal({ systemPods: false });

describe('docker ps and docker images', () => {
  it('docker ps: the default table, ports on both address families, uptime and age as go-units says', () => {
    const t = quiet();
    const web = t.cluster.machines.get('node-1')!.docker.byName('web')!;
    expect(t.run('docker ps').text).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED      STATUS      PORTS                                     NAMES\n' +
        `${web.id.slice(0, 12)}   web:1.0   "docker-entrypoint.s…"   9 days ago   Up 9 days   0.0.0.0:80->8080/tcp, [::]:80->8080/tcp   web\n`,
    );
    expect(t.run('docker ps -q').text).toBe(`${web.id.slice(0, 12)}\n`);
    expect(t.run('docker ps --no-trunc').text).toContain(`${web.id}   web:1.0   "docker-entrypoint.sh npm start"   9 days ago`);
    expect(t.run('docker ps -s').text.split('\n')[1]).toMatch(/   web       32\.8kB \(virtual 248MB\)$/);
  });

  it('docker ps -a shows what stopped, Exited (code) and Created; --filter narrows it', () => {
    const t = quiet();
    t.run('docker stop web');
    t.cluster.advance(5 * 60_000);
    expect(t.run('docker ps').text).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    const all = t.run('docker ps -a').text;
    expect(all).toMatch(/   9 days ago   Exited \(0\) 5 minutes ago             web\n$/);
    expect(t.run('docker ps -a --filter status=running').text.split('\n')).toHaveLength(2);
    expect(t.run('docker ps --filter status=exited -q').text).toMatch(/^[0-9a-f]{12}\n$/);
    expect(t.run('docker ps --filter status=sleeping')).toMatchObject({ text: "Error response from daemon: invalid filter 'status=sleeping'\n", exitCode: 1 });
    expect(t.run('docker ps --filter colour=red')).toMatchObject({ text: "Error response from daemon: invalid filter 'colour'\n", exitCode: 1 });
    expect(t.run('docker ps --filter web')).toMatchObject({ text: 'invalid argument "web" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker ps --help\'.\n', exitCode: 125 });
  });

  it('docker images: the classic layout, newest first, decimal sizes; an untagged image is <none>', () => {
    const t = quiet();
    const m = t.cluster.machines.get('node-1')!;
    const id = (ref: string) => m.docker.findImage(ref)!.info.id.slice(7, 19);
    expect(t.run('docker images').text).toBe(
      [
        'REPOSITORY                        TAG       IMAGE ID       CREATED         SIZE',
        `web                               1.0       ${id('web:1.0')}   9 days ago      248MB`,
        `web                               0.9       ${id('web:0.9')}   5 weeks ago     242MB`,
        `registry.k8s.io/kube-proxy        v1.34.1   ${id('registry.k8s.io/kube-proxy:v1.34.1')}   2 months ago    73MB`,
        `web                               0.8       ${id('web:0.8')}   2 months ago    231MB`,
        `registry.k8s.io/coredns/coredns   v1.12.1   ${id('registry.k8s.io/coredns/coredns:v1.12.1')}   5 months ago    71MB`,
        `registry.k8s.io/pause             3.10      ${id('registry.k8s.io/pause:3.10')}   13 months ago   736kB`,
        '',
      ].join('\n'),
    );
    expect(t.run('docker images web').text.split('\n').filter(Boolean)).toHaveLength(4);
    // Untagging the image a container runs leaves it dangling.
    const r = t.run('docker rmi -f web:1.0');
    expect(r.text).toMatch(/^Untagged: web:1\.0\nUntagged: web@sha256:[0-9a-f]{64}\n$/);
    expect(t.run('docker images').text).toContain(`<none>                            <none>    ${id('55c9d045cf10')}   9 days ago      248MB`);
    expect(t.run('docker images --filter dangling=true -q').text).toBe(`${id('55c9d045cf10')}\n`);
  });
});

describe('docker pull and docker run', () => {
  it('pull: the terminal is busy for the download, then the layers, digest, status and reference', () => {
    const t = quiet();
    const r = t.run('docker pull web:1.1');
    expect(r.first).toMatchObject({ text: '1.1: Pulling from library/web\n', effect: 'manual', progress: 'Pulling web:1.1' });
    expect(r.first.busyMs).toBe(t.cluster.registry.pull('web:1.1').durationMs);
    expect(r.text).toMatch(/^1\.1: Pulling from library\/web\n([0-9a-f]{12}: Pull complete\n){3,7}Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for web:1\.1\ndocker\.io\/library\/web:1\.1\n$/);
    expect(r.exitCode).toBe(0);
    // The layers are the image's: the same every time.
    expect(quiet().run('docker pull web:1.1').text).toBe(r.text);
    const again = t.run('docker pull web:1.1');
    expect(again.text).toMatch(/^1\.1: Pulling from library\/web\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for web:1\.1\ndocker\.io\/library\/web:1\.1\n$/);
    expect(t.run('docker pull nginx').text).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/nginx\n/);
  });

  it("pull errors are the daemon's: an unknown tag, an unknown repository, a bad reference", () => {
    const t = quiet();
    expect(t.run('docker pull web:1.3')).toMatchObject({ text: 'Error response from daemon: manifest for web:1.3 not found: manifest unknown: manifest unknown\n', exitCode: 1 });
    expect(t.run('docker pull acme/shop:2').text).toBe("Error response from daemon: pull access denied for acme/shop, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n");
    expect(t.run('docker pull Web:1.0')).toMatchObject({ text: 'invalid reference format: repository name (library/Web) must be lowercase\n', exitCode: 1 });
  });

  it('run with a missing image says so, pulls it, then prints the 64-hex container ID', () => {
    const t = quiet();
    const r = t.run('docker run -d --name web2 -p 81:8080 web:1.1');
    expect(r.first.text).toBe("Unable to find image 'web:1.1' locally\n1.1: Pulling from library/web\n");
    expect(r.first.busyMs).toBeGreaterThan(5000);
    const c = t.cluster.machines.get('node-1')!.docker.byName('web2')!;
    expect(r.text).toMatch(new RegExp(`Status: Downloaded newer image for web:1\\.1\\n${c.id}\\n$`));
    expect(c).toMatchObject({ state: 'running', image: 'web:1.1', ports: [{ hostIp: '0.0.0.0', hostPort: 81, containerPort: 8080, protocol: 'tcp' }] });
    expect(t.run('docker ps').text).toContain('0.0.0.0:81->8080/tcp, [::]:81->8080/tcp   web2\n');
  });

  it('run: a taken name, a taken port (the container stays Created), bad options', () => {
    const t = quiet();
    const web = t.cluster.machines.get('node-1')!.docker.byName('web')!;
    expect(t.run('docker run -d --name web -p 81:8080 web:1.0')).toMatchObject({
      text: `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${web.id}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`,
      exitCode: 125,
    });
    const clash = t.run('docker run -d --name web2 -p 80:8080 web:1.0');
    const web2 = t.cluster.machines.get('node-1')!.docker.byName('web2')!;
    expect(clash).toMatchObject({
      text: `${web2.id}\ndocker: Error response from daemon: driver failed programming external connectivity on endpoint web2 (${web2.id}): Bind for 0.0.0.0:80 failed: port is already allocated.\n`,
      exitCode: 125,
    });
    expect(t.run('docker ps -a --filter name=web2').text).toMatch(/   Less than a second ago   Created             web2\n$/);
    expect(t.run('docker run -d --foo web:1.0')).toMatchObject({ text: "unknown flag: --foo\nSee 'docker run --help'.\n", exitCode: 125 });
    expect(t.run('docker run -d -p 80:http web:1.0').text).toBe("docker: invalid containerPort: http.\nSee 'docker run --help'.\n");
    expect(t.run('docker run -d --restart=sometimes web:1.0').text).toBe(
      "docker: Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'.\nSee 'docker run --help'.\n",
    );
    expect(t.run('docker run -it web:1.0 sh')).toMatchObject({ text: 'the input device is not a TTY\n', exitCode: 1 });
    expect(t.run('docker run')).toMatchObject({
      text: "\"docker run\" requires at least 1 argument.\nSee 'docker run --help'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n",
      exitCode: 1,
    });
  });

  it('run without -d stays attached: the program prints, then its exit code is the command’s', () => {
    const t = quiet();
    t.run('docker pull web:1.2');
    const r = t.run('docker run --name canary web:1.2');
    expect(r.exitCode).toBe(1);
    expect(r.text).toBe("> web@1.2.0 start\n> node server.js\nweb 1.2.0 listening on :8080\nnode:internal/modules/cjs/loader:1228\nError: Cannot find module 'express-rate-limit'\nRequire stack:\n- /app/server.js\n  code: 'MODULE_NOT_FOUND'\n");
    const echo = t.run('docker run --rm busybox echo hello');
    expect(echo.exitCode).toBe(0);
    expect(echo.text).toMatch(/Status: Downloaded newer image for busybox:latest\nhello\n$/);
    expect(t.run('docker ps -a --filter ancestor=busybox -q').text).toBe('');
  });
});

describe('container lifecycle', () => {
  it('stop waits for the program to exit; start and restart print the names; errors name the container', () => {
    const t = quiet();
    const stop = t.run('docker stop web');
    expect(stop.first.busyMs).toBe(800);
    expect(stop).toMatchObject({ text: 'web\n', exitCode: 0 });
    expect(t.run('docker start web')).toMatchObject({ text: 'web\n', exitCode: 0 });
    expect(t.run('docker restart web')).toMatchObject({ text: 'web\n', exitCode: 0 });
    expect(t.run('docker start nope')).toMatchObject({ text: 'Error response from daemon: No such container: nope\nError: failed to start containers: nope\n', exitCode: 1 });
    expect(t.run('docker stop nope')).toMatchObject({ text: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
    expect(t.run('docker logs nope')).toMatchObject({ text: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
    expect(t.run('docker kill nope').text).toBe('Error response from daemon: cannot kill container: nope: No such container: nope\n');
    expect(t.run('docker rm web')).toMatchObject({ text: 'Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n', exitCode: 1 });
    expect(t.run('docker kill web')).toMatchObject({ text: 'web\n', exitCode: 0 });
    expect(t.run('docker ps -a').text).toContain('Exited (137) Less than a second ago');
    expect(t.run('docker rm -f nope')).toMatchObject({ text: 'Error response from daemon: No such container: nope\n', exitCode: 0 });
    expect(t.run('docker rm web')).toMatchObject({ text: 'web\n', exitCode: 0 });
  });

  it('rmi refuses an image a container uses, in the daemon’s words; rmi of an unused one deletes its layers', () => {
    const t = quiet();
    const m = t.cluster.machines.get('node-1')!;
    const web = m.docker.byName('web')!;
    const img = m.docker.findImage('web:1.0')!.info.id;
    expect(t.run('docker rmi web:1.0')).toMatchObject({
      text: `Error response from daemon: conflict: unable to remove repository reference "web:1.0" (must force) - container ${web.id.slice(0, 12)} is using its referenced image ${img.slice(7, 19)}\n`,
      exitCode: 1,
    });
    expect(t.run(`docker rmi ${img.slice(7, 19)}`).text).toBe(`Error response from daemon: conflict: unable to delete ${img.slice(7, 19)} (cannot be forced) - image is being used by running container ${web.id.slice(0, 12)}\n`);
    expect(t.run('docker rmi web:0.8').text).toMatch(/^Untagged: web:0\.8\nUntagged: web@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n(Deleted: sha256:[0-9a-f]{64}\n){3,7}$/);
    expect(t.run('docker rmi web:0.8')).toMatchObject({ text: 'Error response from daemon: No such image: web:0.8\n', exitCode: 1 });
  });

  it('update --restart changes the policy inspect shows; exec works only in a running container', () => {
    const t = quiet();
    expect(t.run('docker update --restart unless-stopped web').text).toBe('web\n');
    expect(t.run("docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' web").text).toBe('unless-stopped\n');
    expect(t.run('docker exec web node -v').text).toBe('v20.18.0\n');
    t.run('docker stop web');
    const web = t.cluster.machines.get('node-1')!.docker.byName('web')!;
    expect(t.run('docker exec web npm install express-rate-limit')).toMatchObject({ text: `Error response from daemon: container ${web.id} is not running\n`, exitCode: 1 });
  });
});

describe('inspect, logs, prune, disk usage', () => {
  it('inspect prints the daemon’s JSON indented by four spaces; -f reads a field; unknown names are errors', () => {
    const t = quiet();
    const r = t.run('docker inspect web');
    expect(r.text.startsWith('[\n    {\n        "Id": "')).toBe(true);
    const [c] = JSON.parse(r.text);
    expect(c).toMatchObject({
      Name: '/web',
      Path: 'docker-entrypoint.sh',
      Args: ['npm', 'start'],
      State: { Status: 'running', Running: true, ExitCode: 0, OOMKilled: false, FinishedAt: '0001-01-01T00:00:00Z', StartedAt: '2026-03-05T00:00:00Z' },
      HostConfig: { RestartPolicy: { Name: 'no', MaximumRetryCount: 0 }, PortBindings: { '8080/tcp': [{ HostIp: '', HostPort: '80' }] } },
      Config: { Image: 'web:1.0', Entrypoint: ['docker-entrypoint.sh'], Cmd: ['npm', 'start'] },
      NetworkSettings: { IPAddress: '172.17.0.2', Ports: { '8080/tcp': [{ HostIp: '0.0.0.0', HostPort: '80' }, { HostIp: '::', HostPort: '80' }] } },
    });
    expect(t.run("docker inspect --format '{{.State.Status}} {{.State.ExitCode}}' web").text).toBe('running 0\n');
    expect(JSON.parse(t.run('docker inspect web:0.9').text)[0]).toMatchObject({ RepoTags: ['web:0.9'], Architecture: 'amd64', Os: 'linux', Size: 242_000_000 });
    expect(t.run('docker inspect nope')).toMatchObject({ text: '[]\nError: No such object: nope\n', exitCode: 1 });
    expect(t.run('docker port web').text).toBe('8080/tcp -> 0.0.0.0:80\n8080/tcp -> [::]:80\n');
    expect(t.run('docker port web 9090')).toMatchObject({ text: "Error: No public port '9090' published for web\n", exitCode: 1 });
  });

  it('logs: the program’s lines across restarts; --tail keeps the last ones', () => {
    const t = quiet();
    t.run('docker restart web');
    expect(t.run('docker logs web').text).toBe('> web@1.0.0 start\n> node server.js\nweb 1.0.0 listening on :8080\n'.repeat(2));
    expect(t.run('docker logs --tail 1 web').text).toBe('web 1.0.0 listening on :8080\n');
    expect(t.run('docker logs -n 0 web').text).toBe('');
  });

  it('system prune without -f prints the real warning and how to confirm; with -f it frees the disk', () => {
    const t = quiet();
    const m = t.cluster.machines.get('node-1')!;
    expect(t.run('docker system prune')).toMatchObject({
      text:
        'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] \n(this terminal cannot answer y/N: add -f to prune without asking)\n',
      exitCode: 0,
    });
    expect(t.run('docker system prune -a').text).toContain('  - all images without at least one container associated to them\n  - all build cache\n');
    expect(t.run('docker container prune').text).toBe('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] \n(this terminal cannot answer y/N: add -f to prune without asking)\n');
    expect(t.run('docker system prune -f').text).toBe('Total reclaimed space: 0B\n');
    t.run('docker stop web');
    const before = m.diskUsed();
    const r = t.run('docker system prune -a -f');
    expect(r.text).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nDeleted Images:\n/);
    expect(r.text).toMatch(/\nuntagged: web:1\.0\nuntagged: web@sha256:[0-9a-f]{64}\ndeleted: sha256:[0-9a-f]{64}\n(deleted: sha256:[0-9a-f]{64}\n){3,7}/);
    expect(r.text).toMatch(/\n\nTotal reclaimed space: \d+(\.\d+)?[kMG]B\n$/);
    expect(m.diskUsed()).toBeLessThan(before - 700e6);
    expect(t.run('docker images -q').text).toBe('');
  });

  it('system df: totals, what is active and what a prune would reclaim', () => {
    const t = quiet();
    expect(t.run('docker system df').text).toBe(
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n' +
        'Images          6         1         865.7MB   617.7MB (71%)\n' +
        'Containers      1         1         32.77kB   0B (0%)\n' +
        'Local Volumes   0         0         0B        0B\n' +
        'Build Cache     0         0         0B        0B\n',
    );
  });
});

describe('the docker CLI itself', () => {
  it('unknown commands and flags are answered as docker does', () => {
    const t = quiet();
    expect(t.run('docker psa')).toMatchObject({ text: "docker: 'psa' is not a docker command.\nSee 'docker --help'\n", exitCode: 1, first: { effect: 'none' } });
    expect(t.run('docker ps --foo')).toMatchObject({ text: "unknown flag: --foo\nSee 'docker ps --help'.\n", exitCode: 125 });
    expect(t.run('docker images -z').text).toBe("unknown shorthand flag: 'z' in -z\nSee 'docker images --help'.\n");
    expect(t.run('docker ps extra').text).toBe("\"docker ps\" accepts no arguments.\nSee 'docker ps --help'.\n\nUsage:  docker ps [OPTIONS]\n\nList containers\n");
    expect(t.run('docker --version').text).toBe('Docker version 27.3.1, build ce12230\n');
  });

  it('--help for docker and each subcommand: the usage line, the aliases, the options', () => {
    const t = quiet();
    const root = t.run('docker --help').text;
    expect(root.startsWith('\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n')).toBe(true);
    expect(t.run('docker').text).toBe(root);
    expect(t.run('docker ps --help').text).toBe(
      '\nUsage:  docker ps [OPTIONS]\n\nList containers\n\nAliases:\n  docker container ls, docker container list, docker container ps, docker ps\n\nOptions:\n' +
        '  -a, --all             Show all containers (default shows just running)\n' +
        '  -f, --filter filter   Filter output based on conditions provided\n' +
        '  -n, --last int        Show n last created containers (includes all\n' +
        '                        states) (default -1)\n' +
        '  -l, --latest          Show the latest created container (includes all\n' +
        '                        states)\n' +
        "      --no-trunc        Don't truncate output\n" +
        '  -q, --quiet           Only display container IDs\n' +
        '  -s, --size            Display total file sizes\n',
    );
    for (const sub of ['run', 'ps', 'images', 'pull', 'start', 'stop', 'restart', 'rm', 'rmi', 'kill', 'logs', 'inspect', 'exec', 'update', 'port', 'system prune', 'system df', 'container prune', 'image prune', 'container ls']) {
      const r = t.run(`docker ${sub} --help`);
      expect(r.exitCode, sub).toBe(0);
      expect(r.text, sub).toMatch(new RegExp(`^\\nUsage:  docker ${sub} `));
    }
    expect(t.run('docker rm -h').text.startsWith('Flag shorthand -h has been deprecated, use --help\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n')).toBe(true);
  });

  it('with the daemon stopped, every command says it cannot connect', () => {
    const t = quiet();
    t.run('systemctl stop docker');
    expect(t.run('docker ps')).toMatchObject({ text: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n', exitCode: 1 });
    expect(t.run('docker ps --help').exitCode).toBe(0);
  });
});
